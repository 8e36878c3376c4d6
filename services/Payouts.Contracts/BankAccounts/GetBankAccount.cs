namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// PayoutService asks BankAccountService for a bank account its read model does not know yet (or knows as unverified):
/// what the user was just told exists must be payable at once. Answered with <see cref="BankAccountFound"/> or
/// <see cref="BankAccountNotFound"/>, masked numbers only.
/// </summary>
public sealed record GetBankAccount(long BankAccountId);

/// <summary>
/// A bank account as BankAccountService holds it now: what <see cref="BankAccountAdded"/> carries plus the facts later
/// events bring (verified, deleted). <see cref="UpdatedAt"/> is the row's version: a copy never replaces a newer one.
/// </summary>
public sealed record BankAccountFound(
    long BankAccountId,
    Guid BankAccountUuid,
    string UserId,
    string? CompanyId,
    string BankName,
    string AccountHolderName,
    string MaskedAccountNumber,
    string MaskedRoutingNumber,
    string? BankCode,
    string AccountType,
    string Currency,
    string Country,
    string Method,
    bool IsPrimary,
    bool Verified,
    bool Deleted,
    DateTimeOffset AddedAt,
    DateTimeOffset UpdatedAt);

/// <summary>No bank account has that id (ever): the caller answers as for someone else's account.</summary>
public sealed record BankAccountNotFound(long BankAccountId);
