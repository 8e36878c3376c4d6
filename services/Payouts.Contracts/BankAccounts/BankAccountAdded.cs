namespace Payouts.Contracts.BankAccounts;

/// <summary>A user added (or replaced) a bank account. Carries only the masked number; <see cref="Method"/> is the payout rail (<c>bank_transfer</c>).</summary>
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
    string Method);
