using MassTransit;

namespace Payouts.Messaging.Tests.Support;

/// <summary>Counts deliveries that finished on one queue, whether the consumer ran or the inbox skipped them.</summary>
public sealed class ReceiveCounter(string queueName) : IReceiveObserver
{
    public Received<Uri> Completed { get; } = new();

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        if (context.InputAddress.AbsolutePath.EndsWith("/" + queueName, StringComparison.Ordinal))
            Completed.Add(context.GetMessageId(), context.InputAddress);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class =>
        Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}
