using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Billing;
using Payouts.Contracts.Payouts;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>Every payout and billing event and batch-wallet answer the service publishes, received on the real broker by a test endpoint.</summary>
public sealed class PublishedEvents
{
    private readonly ConcurrentQueue<object> _received = new();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint($"payout-service-tests-events-{Guid.NewGuid():N}", e =>
        {
            if (e is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.AutoDelete = true;
            e.Handler<PayoutRequested>(Store);
            e.Handler<PayoutCompleted>(Store);
            e.Handler<PayoutCancelled>(Store);
            e.Handler<PayoutRejected>(Store);
            e.Handler<PayoutFailed>(Store);
            e.Handler<ManualPaymentApproved>(Store);
            e.Handler<ManualPaymentDeclined>(Store);
            // The company wallet's answers to the batch saga.
            e.Handler<BatchFundsReserved>(Store);
            e.Handler<BatchFundsRefused>(Store);
            e.Handler<BatchFundsReleased>(Store);
            e.Handler<BatchRecipientPaid>(Store);
            e.Handler<BatchRecipientFailed>(Store);
        });
        await handle.Ready;
    }

    public IEnumerable<T> OfType<T>() => _received.OfType<T>();

    public Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : class =>
        Eventually.ValueAsync(() => Task.FromResult(_received.OfType<T>().FirstOrDefault(match)),
            $"a {typeof(T).Name} matching the test", timeout ?? TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

    private Task Store<T>(ConsumeContext<T> context) where T : class
    {
        _received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
