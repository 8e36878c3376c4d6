namespace Payouts.Contracts.BankAccounts;

/// <summary>A bank account was (soft) deleted and can never be paid to again; pending payouts to it are cancelled.</summary>
public sealed record BankAccountDeleted(long BankAccountId, Guid BankAccountUuid, string UserId, DateTimeOffset DeletedAt);
