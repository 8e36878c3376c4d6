using Payouts.Contracts.BankAccounts;

namespace Payouts.PayoutService.Domain;

/// <summary>
/// What this service knows about a bank account, built from BankAccountService's events and, on a miss, from its
/// answer to <see cref="GetBankAccount"/>. Only masked numbers are ever known here.
/// </summary>
public sealed class BankAccountView
{
    public long Id { get; set; }
    public Guid Uuid { get; set; }
    public required string UserId { get; set; }
    public string? CompanyId { get; set; }
    public string BankName { get; set; } = "";
    public string AccountHolderName { get; set; } = "";
    public string MaskedAccountNumber { get; set; } = "";

    /// <summary>The routing number (or, for Nigeria, the bank code) masked as seed 000 shows it.</summary>
    public string MaskedRoutingNumber { get; set; } = "";

    /// <summary>The bank's code where the country uses one (NUBAN): names the bank, not the account.</summary>
    public string? BankCode { get; set; }

    public string AccountType { get; set; } = "";
    public string Currency { get; set; } = "";
    public string Country { get; set; } = "";
    public string Method { get; set; } = "bank_transfer";
    public bool IsPrimary { get; set; }
    public bool Verified { get; set; }
    public bool Deleted { get; set; }

    /// <summary>False until BankAccountAdded (or BankAccountService's answer) arrived (events may come out of order).</summary>
    public bool Known { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// The account as BankAccountAdded describes it. A copy older than what the view already holds (BankAccountService's
    /// newer answer came first) only adds its facts: verified sticks, descriptions never move backwards.
    /// </summary>
    public void Apply(BankAccountAdded m)
    {
        Verified |= m.Verified;
        if (Known && UpdatedAt > m.AddedAt) return;
        Describe(m.CompanyId, m.BankName, m.AccountHolderName, m.MaskedAccountNumber, m.MaskedRoutingNumber, m.BankCode, m.AccountType, m.Currency, m.Country, m.Method);
        IsPrimary = m.IsPrimary;
        Known = true;
        UpdatedAt = m.AddedAt;
    }

    /// <summary>
    /// BankAccountService's answer: verified and deleted stick whatever its age; the description (and primary flag) only
    /// when the answer is newer than what the view holds, so a late answer never undoes a later event.
    /// </summary>
    public void Apply(BankAccountFound m)
    {
        Verified |= m.Verified;
        if (m.Deleted)
        {
            Deleted = true;
            IsPrimary = false;
        }

        if (Known && UpdatedAt >= m.UpdatedAt) return;
        Describe(m.CompanyId, m.BankName, m.AccountHolderName, m.MaskedAccountNumber, m.MaskedRoutingNumber, m.BankCode, m.AccountType, m.Currency, m.Country, m.Method);
        if (!m.Deleted) IsPrimary = m.IsPrimary;
        Known = true;
        UpdatedAt = m.UpdatedAt;
    }

    /// <summary>
    /// Details re-submitted in place (same number): applied unless the view already holds a newer copy, so a late event
    /// never undoes BankAccountService's newer answer.
    /// </summary>
    public void Apply(BankAccountDetailsChanged m)
    {
        if (Known && UpdatedAt >= m.ChangedAt) return;
        BankName = m.BankName;
        AccountHolderName = m.AccountHolderName;
        AccountType = m.AccountType;
        if (Known) UpdatedAt = m.ChangedAt;
    }

    private void Describe(string? companyId, string bankName, string? holderName, string maskedAccountNumber, string? maskedRoutingNumber, string? bankCode,
        string accountType, string currency, string country, string method)
    {
        CompanyId = companyId;
        BankName = bankName;
        AccountHolderName = holderName ?? AccountHolderName;
        MaskedAccountNumber = maskedAccountNumber;
        MaskedRoutingNumber = maskedRoutingNumber ?? MaskedRoutingNumber;
        BankCode = bankCode ?? BankCode;
        AccountType = accountType;
        Currency = currency;
        Country = country;
        Method = method;
    }
}
