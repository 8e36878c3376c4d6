using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Settlement;
using Payouts.Messaging.Telemetry;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;

namespace Payouts.SettlementService.Telemetry;

/// <summary>
/// <c>payouts.settlement.duration</c>: for each transfer the provider answered finally (completed; or failed by its
/// refusal, its failure, or its holding no such transfer), the seconds from the transfer's creation, when settlement
/// took the payout's command, to that answer. Read from the change tracker when SettlementDbContext saves, so the first
/// answer (the settle consumer) and a late one (reconciliation) are measured alike, each once its transaction commits.
/// Operator resolutions and destinations refused before any provider call are not provider answers and are left out.
/// </summary>
public sealed class SettlementDurationRecorder : CommittedChangesRecorder<SettlementDbContext, (double Seconds, string Outcome, string Rail)>
{
    readonly Histogram<double> _duration;

    public SettlementDurationRecorder(IMeterFactory meterFactory) =>
        _duration = meterFactory.Create(SettlementMetrics.MeterName).CreateHistogram(SettlementMetrics.Duration, "s",
            "From settlement taking a payout's command to the provider's final answer, by outcome and rail",
            tags: null,
            // Answers come in well under a second, or after minutes of reconciliation: buckets for both.
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

    protected override IEnumerable<(double Seconds, string Outcome, string Rail)> Capture(SettlementDbContext context) =>
        context.ChangeTracker.Entries<Transfer>()
            .Where(entry => entry.State == EntityState.Modified && entry.Property(t => t.Status) is { IsModified: true } status
                && !TransferStatus.IsTerminal(status.OriginalValue) && TransferStatus.IsTerminal(status.CurrentValue)
                && entry.Entity.ResolvedBy is null && entry.Entity.FailureCode != SettlementOutcome.DestinationNotPayable)
            .Select(entry => (
                Math.Max(0, ((entry.Entity.CompletedAt ?? entry.Entity.UpdatedAt) - entry.Entity.CreatedAt).TotalSeconds),
                entry.Entity.Status,
                entry.Entity.Rail))
            .ToList();

    protected override void Record((double Seconds, string Outcome, string Rail) item) =>
        _duration.Record(item.Seconds, new KeyValuePair<string, object?>(SettlementMetrics.OutcomeTag, item.Outcome),
            new KeyValuePair<string, object?>(SettlementMetrics.RailTag, item.Rail));
}
