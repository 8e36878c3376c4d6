namespace Payouts.Contracts.BankAccounts;

/// <summary>The user's primary bank account changed; <see cref="PreviousPrimaryBankAccountId"/> was demoted in the same transaction.</summary>
public sealed record BankAccountPrimaryChanged(long BankAccountId, Guid BankAccountUuid, string UserId, long? PreviousPrimaryBankAccountId, DateTimeOffset ChangedAt);
