namespace Payouts.Contracts.BankAccounts;

/// <summary>A user added (or replaced) a bank account. Carries only the masked number.</summary>
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
    DateTimeOffset AddedAt);
