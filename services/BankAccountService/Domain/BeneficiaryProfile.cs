namespace Payouts.BankAccountService.Domain;

/// <summary>The validated descriptive fields of a beneficiary, as created or updated.</summary>
public sealed record BeneficiaryProfile(
    string RecipientType, string CustomerName, string CustomerEmail, string? CustomerNickname, string Country, BeneficiaryAddress Address);
