namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// A user added (or replaced) a bank account. Carries only masked numbers; <see cref="Method"/> is the payout rail
/// (<c>bank_transfer</c>). The holder, masked routing number and bank code came later: optional, so older messages still read.
/// </summary>
public sealed record BankAccountAdded(
    long BankAccountId,
    Guid BankAccountUuid,
    string UserId,
    string? CompanyId,
    string BankName,
    string MaskedAccountNumber,
    string AccountType,
    string Currency,
    string Country,
    bool IsPrimary,
    bool Verified,
    DateTimeOffset AddedAt,
    string Method,
    string? AccountHolderName = null,
    string? MaskedRoutingNumber = null,
    string? BankCode = null);
