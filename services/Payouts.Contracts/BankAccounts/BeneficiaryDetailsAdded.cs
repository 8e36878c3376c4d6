namespace Payouts.Contracts.BankAccounts;

/// <summary>Payment details (a bank destination) were added to a beneficiary; they are validated and payable at once.</summary>
public sealed record BeneficiaryDetailsAdded(
    long BeneficiaryDetailsId,
    long BeneficiaryId,
    string UserId,
    string? CompanyId,
    string BankName,
    string MaskedAccountNumber,
    string Currency,
    string Country,
    DateTimeOffset AddedAt,
    string Method);
