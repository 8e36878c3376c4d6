using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Settlement;

namespace Payouts.Testing;

/// <summary>
/// Plays SettlementService on the real broker: consumes <see cref="SettlePayout"/> from <c>settle-payout</c> and answers
/// as each test told it to — settled at once by default (failed for the provider sandbox's closed PayPal email, as the
/// sandbox does), failed, held until the test releases it, or lost — and answers
/// <see cref="GetSettlementStatus"/> on <c>get-settlement-status</c> from what it did (or as the test told it to).
/// </summary>
public sealed class FakeSettlement
{
    private readonly ConcurrentDictionary<Guid, Func<ConsumeContext<SettlePayout>, Task>> _plans = new();
    private readonly ConcurrentDictionary<Guid, Func<int, SettlementStatus?>> _statusPlans = new();
    private readonly ConcurrentDictionary<Guid, SettlementStatus> _records = new();
    private readonly ConcurrentDictionary<Guid, int> _statusQueries = new();
    private readonly ConcurrentQueue<SettlePayout> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SettlePayout>> _heldEmails = new(StringComparer.OrdinalIgnoreCase);
    private IBus? _bus;

    public IEnumerable<SettlePayout> Received => _received;

    public async Task ConnectAsync(IBus bus)
    {
        _bus = bus;
        var handle = bus.ConnectReceiveEndpoint("settle-payout", e => e.Handler<SettlePayout>(async context =>
        {
            _received.Enqueue(context.Message);
            if (_plans.TryGetValue(context.Message.PayoutId, out var plan)) await plan(context);
            else if (context.Message.RecipientHandle is { } handle && _heldEmails.TryGetValue(handle, out var held)) Keep(held, context.Message);
            else if (IsSandboxClosedEmail(context.Message)) await FailAsClosed(context);
            else await Settle(context);
        }));
        await handle.Ready;
        var status = bus.ConnectReceiveEndpoint("get-settlement-status", e => e.Handler<GetSettlementStatus>(async context =>
        {
            var payoutId = context.Message.PayoutId;
            var attempt = _statusQueries.AddOrUpdate(payoutId, 1, (_, n) => n + 1);
            var answer = _statusPlans.TryGetValue(payoutId, out var plan)
                ? plan(attempt)
                : _records.GetValueOrDefault(payoutId) ?? new SettlementStatus(payoutId, SettlementStatus.NotFound, null, null, null, null, null, null);
            if (answer is not null) await context.RespondAsync(answer);
        }));
        await status.Ready;
    }

    public void FailNext(Guid payoutId, string code, string reason) =>
        _plans[payoutId] = context =>
        {
            _records[payoutId] = Status(payoutId, "failed", null, code, reason);
            return context.Publish(new PayoutSettlementFailed(payoutId, code, reason, DateTimeOffset.UtcNow));
        };

    /// <summary>Answers nothing (a provider slow to confirm); the test publishes the outcome later itself.</summary>
    public void Hold(Guid payoutId) => _plans[payoutId] = _ =>
    {
        _records[payoutId] = Status(payoutId, "pending", null, null, null);
        return Task.CompletedTask;
    };

    /// <summary>PayPal payouts to <paramref name="email"/> stay pending (for payouts whose id a test cannot know beforehand) until <see cref="ReleaseEmailAsync"/>.</summary>
    public void HoldEmail(string email) => _heldEmails[email] = new();

    /// <summary>Waits for the held payouts to <paramref name="email"/> to arrive, then settles them.</summary>
    public async Task ReleaseEmailAsync(string email)
    {
        var held = _heldEmails[email];
        await Eventually.HoldsAsync(() => !held.IsEmpty, $"a payout to {email} to reach settlement");
        _heldEmails.TryRemove(email, out _);
        while (held.TryDequeue(out var command))
        {
            _records[command.PayoutId] = Status(command.PayoutId, "completed", TransferIdFor(command.PayoutId));
            await _bus!.Publish(new PayoutSettled(command.PayoutId, TransferIdFor(command.PayoutId), command.Amount, command.Currency, DateTimeOffset.UtcNow));
        }
    }

    private void Keep(ConcurrentQueue<SettlePayout> held, SettlePayout command)
    {
        _records[command.PayoutId] = Status(command.PayoutId, "pending", null);
        held.Enqueue(command);
    }

    /// <summary>The first command is lost before settlement stored it (status: not_found); later ones settle at once.</summary>
    public void LoseFirst(Guid payoutId) => _plans[payoutId] = _ =>
    {
        _plans.TryRemove(payoutId, out var _);
        return Task.CompletedTask;
    };

    /// <summary>Answers the n-th status query (1-based) with what <paramref name="answer"/> returns; null answers nothing.</summary>
    public void AnswerStatus(Guid payoutId, Func<int, SettlementStatus?> answer) => _statusPlans[payoutId] = answer;

    public int StatusQueries(Guid payoutId) => _statusQueries.GetValueOrDefault(payoutId);

    public static SettlementStatus Status(Guid payoutId, string status, string? transferId, string? code = null, string? reason = null) =>
        new(payoutId, status, transferId, null, null, code, reason, DateTimeOffset.UtcNow);

    public static string TransferIdFor(Guid payoutId) => $"TRF-{payoutId:N}";

    /// <summary>The provider sandbox's closed PayPal destination (ProviderSandbox TestDestinations.ClosedEmail), failed as the sandbox fails it.</summary>
    public const string SandboxClosedEmail = "closed@sandbox.test";

    private static bool IsSandboxClosedEmail(SettlePayout command) =>
        command.DestinationKind == DestinationKind.PayPal && string.Equals(command.RecipientHandle, SandboxClosedEmail, StringComparison.OrdinalIgnoreCase);

    private Task FailAsClosed(ConsumeContext<SettlePayout> context)
    {
        var payoutId = context.Message.PayoutId;
        _records[payoutId] = Status(payoutId, "failed", null, "account_closed", "The beneficiary account is closed");
        return context.Publish(new PayoutSettlementFailed(payoutId, "account_closed", "The beneficiary account is closed", DateTimeOffset.UtcNow));
    }

    private Task Settle(ConsumeContext<SettlePayout> context)
    {
        var payoutId = context.Message.PayoutId;
        _records[payoutId] = Status(payoutId, "completed", TransferIdFor(payoutId));
        return context.Publish(new PayoutSettled(payoutId, TransferIdFor(payoutId), context.Message.Amount, context.Message.Currency,
            DateTimeOffset.UtcNow));
    }
}
