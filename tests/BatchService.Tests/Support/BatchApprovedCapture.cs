using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Batches;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// Every <see cref="BatchApproved"/> published on the real broker, received on a queue of the tests' own bound to the
/// event's exchange, as the batch saga's queue will be.
/// </summary>
public sealed class BatchApprovedCapture
{
    private const string Queue = "batch-service-tests-batch-approved";

    private readonly ConcurrentQueue<BatchApproved> _received = new();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint(Queue, endpoint => endpoint.Handler<BatchApproved>(context =>
        {
            _received.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready;
    }

    public IReadOnlyList<BatchApproved> For(Guid batchId) => [.. _received.Where(m => m.BatchId == batchId)];
}
