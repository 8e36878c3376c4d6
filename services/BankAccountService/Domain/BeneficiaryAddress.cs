namespace Payouts.BankAccountService.Domain;

/// <summary>A beneficiary's <c>customer_address</c> (seed 002).</summary>
public sealed record BeneficiaryAddress(string? City, string? County, string? PostalCode, string? AddressLine1, string? AddressLine2);
