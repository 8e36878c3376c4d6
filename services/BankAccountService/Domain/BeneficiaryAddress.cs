namespace Payouts.BankAccountService.Domain;

/// <summary>
/// A beneficiary's <c>customer_address</c> (seed 002). <see cref="PostalCodeIsNumber"/> keeps whether the client sent the
/// postal code as a JSON number (the seed's <c>900901</c>), so it is answered with the type it came in.
/// </summary>
public sealed record BeneficiaryAddress(string? City, string? County, string? PostalCode, string? AddressLine1, string? AddressLine2,
    bool PostalCodeIsNumber);
