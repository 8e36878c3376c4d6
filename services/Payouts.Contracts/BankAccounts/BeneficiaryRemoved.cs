namespace Payouts.Contracts.BankAccounts;

/// <summary>A beneficiary was deleted, and with it every one of its payment details.</summary>
public sealed record BeneficiaryRemoved(long BeneficiaryId, string UserId, DateTimeOffset RemovedAt);
