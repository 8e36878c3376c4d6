namespace Payouts.Contracts.BankAccounts;

/// <summary>
/// Payment details (a bank destination) were added to a beneficiary; they are validated and payable at once. The holder,
/// masked routing number and bank code came later: optional, so older messages still read.
/// </summary>
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
    string Method,
    string? AccountHolderName = null,
    string? MaskedRoutingNumber = null,
    string? BankCode = null);
