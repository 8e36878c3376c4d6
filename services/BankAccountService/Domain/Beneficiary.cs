using Payouts.Data;

namespace Payouts.BankAccountService.Domain;

/// <summary>Someone a user pays (seed 002): who they are and where they live; where to pay them is in <see cref="BeneficiaryDetails"/>.</summary>
public sealed class Beneficiary
{
    private Beneficiary()
    {
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary>The owner's tenant when they created it, so events carry it whoever changes the beneficiary later.</summary>
    public string? CompanyId { get; private set; }

    public string RecipientType { get; private set; } = "";
    public string CustomerName { get; private set; } = "";
    public string CustomerEmail { get; private set; } = "";
    public string? CustomerNickname { get; private set; }
    public string Country { get; private set; } = "";
    public BeneficiaryAddress Address { get; private set; } = new(null, null, null, null, null, PostalCodeIsNumber: false);
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static Beneficiary Create(string userId, string? companyId, BeneficiaryProfile profile, DateTimeOffset now)
    {
        var beneficiary = new Beneficiary { UserId = userId, CompanyId = companyId, CreatedAt = StoredTime.Of(now) };
        beneficiary.Update(profile, now);
        return beneficiary;
    }

    public void Update(BeneficiaryProfile profile, DateTimeOffset now)
    {
        RecipientType = profile.RecipientType;
        CustomerName = profile.CustomerName;
        CustomerEmail = profile.CustomerEmail;
        CustomerNickname = profile.CustomerNickname;
        Country = profile.Country;
        Address = profile.Address;
        Touch(now);
    }

    public void Delete(DateTimeOffset now)
    {
        DeletedAt = StoredTime.Of(now);
        Touch(now);
    }

    /// <summary>
    /// Consumers keep the copy with the latest <see cref="UpdatedAt"/>, so each change moves it strictly forward,
    /// even for two changes within one microsecond or a clock that stepped back.
    /// </summary>
    private void Touch(DateTimeOffset now)
    {
        var stored = StoredTime.Of(now);
        UpdatedAt = stored > UpdatedAt ? stored : UpdatedAt.AddTicks(TimeSpan.TicksPerMicrosecond);
    }
}
