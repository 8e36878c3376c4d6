namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// PayoutService asks BankAccountService for beneficiary payment details (and their beneficiary's profile) its read
/// model does not have yet. Answered with <see cref="BeneficiaryDetailsFound"/> or <see cref="BeneficiaryDetailsNotFound"/>,
/// masked numbers only.
/// </summary>
public sealed record GetBeneficiaryDetails(long BeneficiaryDetailsId);

/// <summary>
/// The details as BankAccountService holds them now, with the beneficiary they belong to (<see cref="BeneficiarySaved"/>'s
/// profile, newest <c>UpdatedAt</c> wins). <see cref="Removed"/> is true when the details or their beneficiary were deleted.
/// </summary>
public sealed record BeneficiaryDetailsFound(
    long BeneficiaryDetailsId,
    long BeneficiaryId,
    string UserId,
    string? CompanyId,
    string BankName,
    string AccountHolderName,
    string MaskedAccountNumber,
    string MaskedRoutingNumber,
    string? BankCode,
    string Currency,
    string Country,
    string Method,
    DateTimeOffset AddedAt,
    bool Removed,
    BeneficiarySaved Beneficiary,
    bool BeneficiaryRemoved);

/// <summary>No beneficiary details have that id.</summary>
public sealed record BeneficiaryDetailsNotFound(long BeneficiaryDetailsId);
