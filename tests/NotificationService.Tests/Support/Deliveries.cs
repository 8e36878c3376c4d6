using System.Collections.Concurrent;
using MassTransit;
using Payouts.Testing;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>
/// How many times each message id was delivered to the service and handled to the end (consumed, or skipped by the
/// inbox): what a test waits for before it checks that something did NOT happen.
/// </summary>
public sealed class Deliveries : IReceiveObserver
{
    private readonly ConcurrentDictionary<Guid, int> _handled = new();

    public Task WaitForAsync(Guid messageId, int times) =>
        Eventually.HoldsAsync(() => _handled.GetValueOrDefault(messageId) >= times, $"message {messageId} handled {times} time(s)");

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.GetMessageId() is { } id) _handled.AddOrUpdate(id, 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
