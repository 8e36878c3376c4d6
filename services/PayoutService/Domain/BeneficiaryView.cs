using Payouts.Contracts.BankAccounts;

namespace Payouts.PayoutService.Domain;

/// <summary>
/// A seed 002 beneficiary's profile as BankAccountService announced it (<c>BeneficiarySaved</c>), embedded in
/// <c>/payout/simple</c>'s response. The newest <see cref="UpdatedAt"/> wins; removal sticks.
/// </summary>
public sealed class BeneficiaryView
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public string? CompanyId { get; set; }
    public string? RecipientType { get; set; }
    public string? CustomerName { get; set; }
    public string? CustomerEmail { get; set; }
    public string? CustomerNickname { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? County { get; set; }
    public string? PostalCode { get; set; }
    public bool PostalCodeIsNumber { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>False while only a removal is known (events may arrive out of order).</summary>
    public bool Known { get; set; }

    public bool Removed { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>
    /// The profile from <c>BeneficiarySaved</c> or BankAccountService's answer. At-least-once and unordered delivery: an
    /// older copy never replaces a newer one.
    /// </summary>
    public void Apply(BeneficiarySaved m)
    {
        if (Known && UpdatedAt >= m.UpdatedAt) return;
        UserId = m.UserId;
        CompanyId = m.CompanyId;
        RecipientType = m.RecipientType;
        CustomerName = m.CustomerName;
        CustomerEmail = m.CustomerEmail;
        CustomerNickname = m.CustomerNickname;
        Country = m.Country;
        City = m.Address.City;
        County = m.Address.County;
        PostalCode = m.Address.PostalCode;
        PostalCodeIsNumber = m.Address.PostalCodeIsNumber;
        AddressLine1 = m.Address.AddressLine1;
        AddressLine2 = m.Address.AddressLine2;
        CreatedAt = m.CreatedAt;
        UpdatedAt = m.UpdatedAt;
        Known = true;
    }
}
