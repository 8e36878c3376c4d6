using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Settlement;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>
/// Plays SettlementService on the real broker: consumes <see cref="SettlePayout"/> from <c>settle-payout</c> and answers
/// as each test told it to — settled at once by default, failed, or held until the test releases it.
/// </summary>
public sealed class FakeSettlement
{
    private readonly ConcurrentDictionary<Guid, Func<ConsumeContext<SettlePayout>, Task>> _plans = new();
    private readonly ConcurrentQueue<SettlePayout> _received = new();

    public IEnumerable<SettlePayout> Received => _received;

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint("settle-payout", e => e.Handler<SettlePayout>(async context =>
        {
            _received.Enqueue(context.Message);
            if (_plans.TryGetValue(context.Message.PayoutId, out var plan)) await plan(context);
            else await Settle(context);
        }));
        await handle.Ready;
    }

    public void FailNext(Guid payoutId, string code, string reason) =>
        _plans[payoutId] = context => context.Publish(new PayoutSettlementFailed(payoutId, code, reason, DateTimeOffset.UtcNow));

    /// <summary>Answers nothing (a provider slow to confirm); the test publishes the outcome later itself.</summary>
    public void Hold(Guid payoutId) => _plans[payoutId] = _ => Task.CompletedTask;

    public static string TransferIdFor(Guid payoutId) => $"TRF-{payoutId:N}";

    private static Task Settle(ConsumeContext<SettlePayout> context) =>
        context.Publish(new PayoutSettled(context.Message.PayoutId, TransferIdFor(context.Message.PayoutId), context.Message.Amount, context.Message.Currency,
            DateTimeOffset.UtcNow));
}
