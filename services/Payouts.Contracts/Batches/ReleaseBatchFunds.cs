namespace Payouts.Contracts.Batches;

/// <summary>
/// The batch saga, once every recipient is terminal (or the batch is cancelled after its hold), asks PayoutService to
/// return whatever is left of the batch's hold to the wallet's available balance. Idempotent per <see cref="BatchId"/>.
/// Answered by <see cref="BatchFundsReleased"/> (with zero when nothing was left).
/// </summary>
public sealed record ReleaseBatchFunds(Guid BatchId, string CompanyId, string Currency);

/// <summary>What was left of the batch's hold is available again; <see cref="Released"/> may be zero.</summary>
public sealed record BatchFundsReleased(Guid BatchId, string CompanyId, decimal Released, string Currency);
