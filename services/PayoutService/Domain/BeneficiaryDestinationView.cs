using Payouts.Contracts.BankAccounts;

namespace Payouts.PayoutService.Domain;

/// <summary>A seed 002 beneficiary's payment details: validated when added, payable at once. Details never change after they are added.</summary>
public sealed class BeneficiaryDestinationView
{
    public long Id { get; set; }
    public long BeneficiaryId { get; set; }
    public required string UserId { get; set; }
    public string? CompanyId { get; set; }
    public string BankName { get; set; } = "";
    public string AccountHolderName { get; set; } = "";
    public string MaskedAccountNumber { get; set; } = "";

    /// <summary>The routing number masked, empty for destinations without one.</summary>
    public string MaskedRoutingNumber { get; set; } = "";

    /// <summary>The bank's code where the country uses one (NUBAN): names the bank, not the account.</summary>
    public string? BankCode { get; set; }

    public string Currency { get; set; } = "";
    public string Country { get; set; } = "";
    public string Method { get; set; } = "bank_transfer";
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>The details (or their beneficiary) were deleted: never payable again, even if an older event arrives later.</summary>
    public bool Removed { get; set; }

    public void Apply(BeneficiaryDetailsAdded m) =>
        Describe(m.BeneficiaryId, m.UserId, m.CompanyId, m.BankName, m.AccountHolderName, m.MaskedAccountNumber, m.MaskedRoutingNumber, m.BankCode,
            m.Currency, m.Country, m.Method, m.AddedAt);

    /// <summary>BankAccountService's answer; removal sticks (and is learnt from it).</summary>
    public void Apply(BeneficiaryDetailsFound m)
    {
        Describe(m.BeneficiaryId, m.UserId, m.CompanyId, m.BankName, m.AccountHolderName, m.MaskedAccountNumber, m.MaskedRoutingNumber, m.BankCode,
            m.Currency, m.Country, m.Method, m.AddedAt);
        Removed |= m.Removed;
    }

    private void Describe(long beneficiaryId, string userId, string? companyId, string bankName, string? holderName, string maskedAccountNumber,
        string? maskedRoutingNumber, string? bankCode, string currency, string country, string method, DateTimeOffset addedAt)
    {
        BeneficiaryId = beneficiaryId;
        UserId = userId;
        CompanyId = companyId;
        BankName = bankName;
        AccountHolderName = holderName ?? AccountHolderName;
        MaskedAccountNumber = maskedAccountNumber;
        MaskedRoutingNumber = maskedRoutingNumber ?? MaskedRoutingNumber;
        BankCode = bankCode ?? BankCode;
        Currency = currency;
        Country = country;
        Method = method;
        AddedAt = addedAt;
    }
}
