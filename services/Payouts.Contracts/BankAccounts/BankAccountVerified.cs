namespace Payouts.Contracts.BankAccounts;

/// <summary>Micro-deposit verification of a bank account succeeded: it may now be paid to.</summary>
public sealed record BankAccountVerified(long BankAccountId, Guid BankAccountUuid, string UserId, DateTimeOffset VerifiedAt);
