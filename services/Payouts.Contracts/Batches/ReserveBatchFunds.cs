namespace Payouts.Contracts.Batches;

/// <summary>
/// The batch saga asks PayoutService to hold an approved batch's total on the company wallet, as one hold, so two
/// batches cannot spend the same money. Idempotent per <see cref="BatchId"/>: a redelivery answers as the first did.
/// Answered by the event <see cref="BatchFundsReserved"/> or <see cref="BatchFundsRefused"/>.
/// </summary>
public sealed record ReserveBatchFunds(Guid BatchId, string CompanyId, decimal Amount, string Currency);

/// <summary>The batch's total is held on the company wallet.</summary>
public sealed record BatchFundsReserved(Guid BatchId, string CompanyId, decimal Amount, string Currency);

/// <summary>The wallet could not cover the batch; nothing was held. The figures are for the seed's 403 text.</summary>
public sealed record BatchFundsRefused(Guid BatchId, string CompanyId, decimal Required, decimal Available, string Currency);
