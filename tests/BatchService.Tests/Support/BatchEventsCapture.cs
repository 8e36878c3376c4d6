using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// Every batch event the service publishes (<see cref="BatchMarkedReady"/>, <see cref="BatchApproved"/>,
/// <see cref="BatchFinished"/>) on the real broker, received on a queue of the tests' own bound to the events' exchanges,
/// as the batch saga's and NotificationService's queues are.
/// </summary>
public sealed class BatchEventsCapture
{
    private const string Queue = "batch-service-tests-batch-events";

    private readonly ConcurrentQueue<(Guid BatchId, object Message)> _received = new();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint(Queue, endpoint =>
        {
            endpoint.Handler<BatchMarkedReady>(context => Store(context.Message.BatchId, context.Message));
            endpoint.Handler<BatchApproved>(context => Store(context.Message.BatchId, context.Message));
            endpoint.Handler<BatchFinished>(context => Store(context.Message.BatchId, context.Message));
        });
        await handle.Ready;
    }

    public IReadOnlyList<T> For<T>(Guid batchId) => [.. _received.Where(m => m.BatchId == batchId).Select(m => m.Message).OfType<T>()];

    private Task Store(Guid batchId, object message)
    {
        _received.Enqueue((batchId, message));
        return Task.CompletedTask;
    }
}
