using MassTransit;

namespace Payouts.Messaging.Tests.Support;

/// <summary>Holds every message until the test opens the gate, so the rest of the queue stays ready (not delivered).</summary>
public sealed class Gate
{
    readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Opened => _open.Task;

    public void Open() => _open.TrySetResult();
}

public sealed class GatedConsumer(Gate gate) : IConsumer<SlowWork>
{
    public Task Consume(ConsumeContext<SlowWork> context) => gate.Opened.WaitAsync(context.CancellationToken);
}

public sealed class PoisonPillConsumer : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context) => throw new InvalidOperationException("This message always fails.");
}
