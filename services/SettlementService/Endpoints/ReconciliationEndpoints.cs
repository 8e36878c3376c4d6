using Microsoft.EntityFrameworkCore;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Messaging;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Endpoints;

/// <summary>
/// <c>GET /api/admin/settlement/reconciliation</c>: transfers whose outcome is still open or flagged, each beside the
/// provider's live answer, and whether the two disagree.
/// </summary>
public static class ReconciliationEndpoints
{
    private const int Limit = 100;

    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/settlement/reconciliation", GetReport).RequireAuthorization(PayoutsPolicies.Admin);
        return app;
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
            var mismatch = transfer.FailureReason?.StartsWith(SettlementOutcome.AmountMismatch, StringComparison.Ordinal) == true
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
