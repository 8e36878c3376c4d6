using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;
using Payouts.SettlementService.Reconciliation;

namespace Payouts.SettlementService.Application;

/// <summary>
/// The operator's reconciliation reports: transfers whose outcome is still open or flagged, each beside the provider's
/// live answer; and a page of transfers that finished in a window, checked against the provider.
/// </summary>
public sealed class ReconciliationReports(SettlementDbContext db, ProviderClient provider, TimeProvider time)
{
    private const int Limit = 100;

    /// <summary>Provider calls in flight at once for one finished-transfer report.</summary>
    private const int ProviderParallelism = 8;

    public async Task<ReconciliationData> OpenAsync(CancellationToken cancellationToken)
    {
        var open = await db.Transfers.AsNoTracking()
            .Where(t => t.Status == TransferStatus.Pending || t.Status == TransferStatus.Unknown)
            .OrderBy(t => t.UpdatedAt)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var counts = await db.Transfers.AsNoTracking().GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var now = time.GetUtcNow();
        var items = new List<ReconciliationItem>(open.Count);
        foreach (var transfer in open)
        {
            var answer = await provider.FindByReferenceAsync(transfer.PaymentReference, cancellationToken);
            var theirs = (answer as ProviderResult.Recorded)?.Transfer;
            var providerStatus = ProviderResult.StatusShown(answer);
            var mismatch = SettlementOutcome.IsFlagged(transfer)
                || (theirs is not null && theirs.Amount != transfer.Amount)
                || providerStatus != transfer.Status;
            items.Add(new ReconciliationItem(
                transfer.PayoutId, transfer.PaymentReference, transfer.Status, transfer.Amount, transfer.Currency, transfer.FailureReason,
                theirs?.Id ?? transfer.ProviderTransferId, providerStatus, theirs?.Amount, mismatch,
                now - transfer.UpdatedAt, transfer.ReconciliationAttempts));
        }

        var faults = await db.Faults.AsNoTracking()
            .OrderByDescending(f => f.OccurredAt)
            .Take(Limit)
            .Select(f => new FaultItem(f.MessageType, f.SubjectId, f.Exception, f.OccurredAt))
            .ToListAsync(cancellationToken);

        return new ReconciliationData(counts.ToDictionary(c => c.Key, c => c.Count), items.Count(i => i.Mismatch), items, faults);
    }

    /// <summary>
    /// Transfers that finished (completed or failed, or only <paramref name="status"/>) in [<paramref name="from"/>,
    /// <paramref name="to"/>), one page of them, each checked against the provider.
    /// </summary>
    public async Task<FinishedTransfersData> FinishedAsync(
        DateTimeOffset from, DateTimeOffset to, string status, int page, int limit, CancellationToken cancellationToken)
    {
        var finished = db.Transfers.AsNoTracking()
            .Where(t => (t.Status == TransferStatus.Completed || t.Status == TransferStatus.Failed)
                && t.CompletedAt >= from && t.CompletedAt < to);
        if (status != "all") finished = finished.Where(t => t.Status == status);

        var total = await finished.CountAsync(cancellationToken);
        var transfers = await finished
            .OrderBy(t => t.CompletedAt).ThenBy(t => t.Id)
            .Skip((int)Math.Min((long)(page - 1) * limit, int.MaxValue))
            .Take(limit)
            .ToListAsync(cancellationToken);

        var answers = new ProviderResult[transfers.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, transfers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ProviderParallelism, CancellationToken = cancellationToken },
            async (i, ct) => answers[i] = await provider.FindByReferenceAsync(transfers[i].PaymentReference, ct));

        var mismatches = new List<FinishedTransferItem>();
        var unanswered = new List<FinishedTransferItem>();
        for (var i = 0; i < transfers.Count; i++)
        {
            if (answers[i] is ProviderResult.Unknown)
            {
                unanswered.Add(FinishedItem(transfers[i], answers[i], []));
                continue;
            }

            var differences = FinishedTransferCheck.Differences(transfers[i], answers[i]);
            if (differences.Count > 0) mismatches.Add(FinishedItem(transfers[i], answers[i], differences));
        }

        return new FinishedTransfersData(
            from,
            to,
            status,
            transfers.Count,
            transfers.Count - mismatches.Count - unanswered.Count,
            mismatches,
            unanswered,
            new Pagination(page, (total + limit - 1) / limit, total, limit));
    }

    private static FinishedTransferItem FinishedItem(Transfer transfer, ProviderResult answer, IReadOnlyList<string> differences)
    {
        var theirs = (answer as ProviderResult.Recorded)?.Transfer;
        return new FinishedTransferItem(
            transfer.PayoutId, transfer.PaymentReference, transfer.Rail, transfer.Status, transfer.Amount, transfer.Currency, transfer.FailureCode,
            transfer.CompletedAt ?? transfer.UpdatedAt, transfer.ProviderTransferId, ProviderResult.StatusShown(answer),
            theirs?.Id, theirs?.Amount, theirs?.Currency, differences,
            transfer.Resolution, transfer.ResolvedBy, transfer.ResolvedAt, transfer.ResolutionNote);
    }
}
