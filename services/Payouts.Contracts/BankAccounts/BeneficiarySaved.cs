namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// A beneficiary (seed 002) was created or updated; carries its descriptive profile so payout responses can embed it.
/// Consumers keep the copy with the latest <see cref="UpdatedAt"/>.
/// </summary>
public sealed record BeneficiarySaved(
    long BeneficiaryId,
    string UserId,
    string? CompanyId,
    string RecipientType,
    string CustomerName,
    string CustomerEmail,
    string? CustomerNickname,
    string Country,
    BeneficiaryPostalAddress Address,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A beneficiary's <c>customer_address</c>; <see cref="PostalCodeIsNumber"/> when the client sent the postal code as a JSON number.</summary>
public sealed record BeneficiaryPostalAddress(
    string? City, string? County, string? PostalCode, string? AddressLine1, string? AddressLine2, bool PostalCodeIsNumber = false);
