namespace Payouts.PayoutService.Domain.Batches;

/// <summary>
/// The company-wallet hold of one approved bulk batch (table batch_fund_holds, keyed by BatchService's batch id, so a
/// redelivered or repeated reserve finds it and holds nothing more). Its ledger side is one <c>batch_hold</c> posting;
/// <see cref="Remaining"/> is the part of the company's held balance that still belongs to the batch.
/// </summary>
public sealed class BatchFundsHold
{
    public Guid BatchId { get; set; }
    public required string CompanyId { get; set; }
    public required string Currency { get; set; }

    /// <summary>The batch total the saga asked to hold.</summary>
    public decimal Amount { get; set; }

    /// <summary>Still held for the batch: <see cref="Amount"/> less what recipients were credited or handed to their payouts; 0 once released.</summary>
    public decimal Remaining { get; set; }

    public string Status { get; set; } = BatchFundsStatus.Held;

    /// <summary>The wallet's available balance when the hold was refused: the figure of seed 001's 403.</summary>
    public decimal? AvailableWhenRefused { get; set; }

    /// <summary>What the release returned to available (0 when nothing was left).</summary>
    public decimal? Released { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>The ledger reference of the batch's postings.</summary>
    public static string LedgerReference(Guid batchId) => $"batch-{batchId}";

    /// <summary>Why a recipient of this batch cannot be paid <paramref name="amount"/> from the hold; null when it can.</summary>
    public string? RefusalFor(string companyId, string currency, decimal amount) =>
        Status != BatchFundsStatus.Held ? (Status == BatchFundsStatus.Refused ? "The batch's funds were never held" : "The batch's funds were released")
        : CompanyId != companyId || Currency != currency ? "The recipient's company or currency is not the batch's"
        : amount <= 0 ? "The amount must be positive"
        : Remaining < amount ? "The batch's hold does not cover this payment"
        : null;

    /// <summary>Hands <paramref name="amount"/> of the hold to a recipient (a ledger credit, or a payout that keeps it held).</summary>
    public void Take(decimal amount)
    {
        if (RefusalFor(CompanyId, Currency, amount) is { } refusal) throw new InvalidOperationException($"Batch {BatchId}: {refusal}.");
        Remaining -= amount;
    }

    /// <summary>Closes the hold; returns what was left of it (the caller posts it back to available).</summary>
    public decimal Release(DateTimeOffset now)
    {
        var left = Status == BatchFundsStatus.Held ? Remaining : 0m;
        Remaining = 0;
        Released = left;
        if (Status == BatchFundsStatus.Held) Status = BatchFundsStatus.Released;
        ReleasedAt = now;
        return left;
    }
}

public static class BatchFundsStatus
{
    public const string Held = "held";
    public const string Refused = "refused";
    public const string Released = "released";
}
