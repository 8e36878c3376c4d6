namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// A user re-submitted their account (same number and routing number) with new details: changed in place, same id, its
/// verification kept.
/// </summary>
public sealed record BankAccountDetailsChanged(
    long BankAccountId,
    Guid BankAccountUuid,
    string UserId,
    string BankName,
    string AccountHolderName,
    string AccountType,
    DateTimeOffset ChangedAt);
