using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Telemetry;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Telemetry;

/// <summary>
/// <c>payouts.payout.transitions</c>: every payout status change that commits, tagged with the new status (a new payout
/// enters <c>pending</c>). Read from the change tracker when PayoutsDbContext saves, so every path that changes a payout
/// counts (HTTP actions, the saga, the read-model consumers cancelling payouts), each change once it commits.
/// </summary>
public sealed class PayoutTransitionCounter : CommittedChangesRecorder<PayoutsDbContext, (string Status, string Currency)>
{
    readonly Counter<long> _transitions;

    public PayoutTransitionCounter(IMeterFactory meterFactory) =>
        _transitions = meterFactory.Create(PayoutMetrics.MeterName).CreateCounter<long>(PayoutMetrics.Transitions, "{transition}",
            "Payout status changes as they commit, by new status (a new payout counts as entering pending)");

    protected override IEnumerable<(string Status, string Currency)> Capture(PayoutsDbContext context) =>
        context.ChangeTracker.Entries<Payout>()
            .Where(entry => entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && entry.Property(p => p.Status) is { IsModified: true } status
                    && !string.Equals(status.OriginalValue, status.CurrentValue, StringComparison.Ordinal)))
            .Select(entry => (entry.Entity.Status, entry.Entity.Currency))
            .ToList();

    protected override void Record((string Status, string Currency) item) =>
        _transitions.Add(1, new KeyValuePair<string, object?>(PayoutMetrics.StatusTag, item.Status),
            new KeyValuePair<string, object?>(PayoutMetrics.CurrencyTag, item.Currency));
}
