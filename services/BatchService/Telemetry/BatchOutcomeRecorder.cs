using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;
using Payouts.Messaging.Telemetry;

namespace Payouts.BatchService.Telemetry;

/// <summary>
/// <c>payouts.batch.recipients</c> (a recipient's outcome: <c>completed</c> or <c>failed</c>) and <c>payouts.batch.duration</c>
/// (approval to end, tagged with the batch's final status), read from the change tracker when BatchesDbContext saves and
/// recorded only once the saga's transaction commits: a retried attempt that rolled back changed nothing.
/// </summary>
public sealed class BatchOutcomeRecorder : CommittedChangesRecorder<BatchesDbContext, BatchOutcome>
{
    private readonly Counter<long> _recipients;
    private readonly Histogram<double> _duration;

    public BatchOutcomeRecorder(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(BatchMetrics.MeterName);
        _recipients = meter.CreateCounter<long>(BatchMetrics.RecipientOutcomes, "{recipient}",
            "Batch recipients paid (outcome completed) or failed, as the outcome commits");
        _duration = meter.CreateHistogram<double>(BatchMetrics.Duration, "s", "From a batch's approval to its end, by final status");
    }

    protected override IEnumerable<BatchOutcome> Capture(BatchesDbContext context)
    {
        var outcomes = context.ChangeTracker.Entries<BatchRecipient>()
            .Where(entry => entry.State == EntityState.Modified && entry.Property(r => r.Status) is { IsModified: true } status
                && status.OriginalValue == RecipientStatus.Pending && status.CurrentValue is RecipientStatus.Completed or RecipientStatus.Failed)
            .Select(entry => new BatchOutcome(entry.Entity.Status, null))
            .ToList();

        foreach (var saga in context.ChangeTracker.Entries<BatchState>()
            .Where(entry => entry.Property(s => s.FinishedAt) is { IsModified: true, OriginalValue: null, CurrentValue: not null }))
        {
            var status = context.ChangeTracker.Entries<Batch>().FirstOrDefault(b => b.Entity.Id == saga.Entity.CorrelationId)?.Entity.Status
                ?? BatchStatus.Failed;
            outcomes.Add(new BatchOutcome(status, (saga.Entity.FinishedAt!.Value - saga.Entity.ApprovedAt).TotalSeconds));
        }

        return outcomes;
    }

    protected override void Record(BatchOutcome item)
    {
        var status = new KeyValuePair<string, object?>(item.Duration is null ? BatchMetrics.OutcomeTag : BatchMetrics.StatusTag, item.Status);
        if (item.Duration is { } seconds) _duration.Record(Math.Max(0, seconds), status);
        else _recipients.Add(1, status);
    }
}
