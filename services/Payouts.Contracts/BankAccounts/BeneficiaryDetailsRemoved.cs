namespace Payouts.Contracts.BankAccounts;

/// <summary>A beneficiary's payment details were deleted; they can no longer be paid.</summary>
public sealed record BeneficiaryDetailsRemoved(long BeneficiaryDetailsId, long BeneficiaryId, string UserId, DateTimeOffset RemovedAt);
