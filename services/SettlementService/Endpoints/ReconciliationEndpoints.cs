using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Settlement;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;
using Payouts.SettlementService.Reconciliation;

namespace Payouts.SettlementService.Endpoints;

/// <summary>
/// <c>GET /api/admin/settlement/reconciliation</c>: transfers whose outcome is still open or flagged, each beside the
/// provider's live answer, and whether the two disagree. <c>GET …/reconciliation/finished</c>: a page of transfers
/// that finished (completed or failed) in a window, checked against the provider, and the ones that disagree.
/// </summary>
public static class ReconciliationEndpoints
{
    private const int Limit = 100;

    /// <summary>Provider calls in flight at once for one finished-transfer report.</summary>
    private const int ProviderParallelism = 8;

    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/settlement/reconciliation", GetReport).RequireAuthorization(PayoutsPolicies.Admin);
        app.MapGet("/api/admin/settlement/reconciliation/finished", GetFinishedReport).RequireAuthorization(PayoutsPolicies.Admin);
        return app;
    }

    private static async Task<IResult> GetFinishedReport(
        HttpRequest request, SettlementDbContext db, ProviderClient provider, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FinishedReportQuery.TryParse(request.Query, time.GetUtcNow(), out var query, out var error))
        {
            return error!.ToResult();
        }

        var finished = db.Transfers.AsNoTracking()
            .Where(t => (t.Status == TransferStatus.Completed || t.Status == TransferStatus.Failed)
                && t.CompletedAt >= query.From && t.CompletedAt < query.To);
        if (query.Status != "all") finished = finished.Where(t => t.Status == query.Status);

        var total = await finished.CountAsync(cancellationToken);
        var page = await finished
            .OrderBy(t => t.CompletedAt).ThenBy(t => t.Id)
            .Skip((int)Math.Min((long)(query.Page - 1) * query.Limit, int.MaxValue))
            .Take(query.Limit)
            .ToListAsync(cancellationToken);

        var answers = new ProviderResult[page.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, page.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ProviderParallelism, CancellationToken = cancellationToken },
            async (i, ct) => answers[i] = await provider.FindByReferenceAsync(page[i].PaymentReference, ct));

        var mismatches = new List<FinishedTransferItem>();
        var unanswered = new List<FinishedTransferItem>();
        for (var i = 0; i < page.Count; i++)
        {
            if (answers[i] is ProviderResult.Unknown)
            {
                unanswered.Add(FinishedItem(page[i], answers[i], []));
                continue;
            }

            var differences = FinishedTransferCheck.Differences(page[i], answers[i]);
            if (differences.Count > 0) mismatches.Add(FinishedItem(page[i], answers[i], differences));
        }

        return TypedResults.Ok(new FinishedTransfersReport(new FinishedTransfersData(
            query.From,
            query.To,
            query.Status,
            page.Count,
            page.Count - mismatches.Count - unanswered.Count,
            mismatches,
            unanswered,
            new Pagination(query.Page, (total + query.Limit - 1) / query.Limit, total, query.Limit))));
    }

    private static FinishedTransferItem FinishedItem(Transfer transfer, ProviderResult answer, IReadOnlyList<string> differences)
    {
        var theirs = (answer as ProviderResult.Recorded)?.Transfer;
        return new FinishedTransferItem(
            transfer.PayoutId, transfer.PaymentReference, transfer.Rail, transfer.Status, transfer.Amount, transfer.Currency, transfer.FailureCode,
            transfer.CompletedAt ?? transfer.UpdatedAt, transfer.ProviderTransferId,
            answer switch
            {
                ProviderResult.Recorded => theirs!.Status,
                ProviderResult.NotFound => "not_found",
                _ => "no_answer",
            },
            theirs?.Id, theirs?.Amount, theirs?.Currency, differences,
            transfer.Resolution, transfer.ResolvedBy, transfer.ResolvedAt, transfer.ResolutionNote);
    }

    private static async Task<IResult> GetReport(SettlementDbContext db, ProviderClient provider, TimeProvider time, CancellationToken cancellationToken)
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
            var (providerStatus, providerAmount, providerId) = answer switch
            {
                ProviderResult.Recorded { Transfer: var t } => (t.Status, (decimal?)t.Amount, t.Id),
                ProviderResult.NotFound => ("not_found", null, null),
                _ => ("no_answer", null, (string?)null),
            };
            var mismatch = SettlementOutcome.IsFlagged(transfer)
                || (providerAmount is { } amount && amount != transfer.Amount)
                || providerStatus != transfer.Status;
            items.Add(new ReconciliationItem(
                transfer.PayoutId, transfer.PaymentReference, transfer.Status, transfer.Amount, transfer.Currency, transfer.FailureReason,
                providerId ?? transfer.ProviderTransferId, providerStatus, providerAmount, mismatch,
                now - transfer.UpdatedAt, transfer.ReconciliationAttempts));
        }

        var faults = await db.Faults.AsNoTracking()
            .OrderByDescending(f => f.OccurredAt)
            .Take(Limit)
            .Select(f => new FaultItem(f.MessageType, f.SubjectId, f.Exception, f.OccurredAt))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new ReconciliationReport(new ReconciliationData(
            counts.ToDictionary(c => c.Key, c => c.Count),
            items.Count(i => i.Mismatch),
            items,
            faults)));
    }
}

public sealed record ReconciliationReport(ReconciliationData Data)
{
    public bool Success => true;
}

/// <param name="Faults">Commands that ended in an <c>_error</c> queue (poison messages), newest first.</param>
public sealed record ReconciliationData(
    IReadOnlyDictionary<string, int> TransfersByStatus, int Mismatches, IReadOnlyList<ReconciliationItem> Open, IReadOnlyList<FaultItem> Faults);

public sealed record FaultItem(string MessageType, Guid SubjectId, string Exception, DateTimeOffset OccurredAt);

public sealed record ReconciliationItem(
    Guid PayoutId,
    string PaymentReference,
    string Status,
    decimal Amount,
    string Currency,
    string? Reason,
    string? ProviderTransferId,
    string ProviderStatus,
    decimal? ProviderAmount,
    bool Mismatch,
    TimeSpan Age,
    int ReconciliationAttempts);
