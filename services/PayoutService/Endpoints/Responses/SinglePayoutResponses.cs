using System.Globalization;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints.Responses;

// Seed 002 (single-payout API) bodies, written by FamilyJson (SinglePayout).

/// <summary>The payout <c>POST /payout/simple</c> created; seed 002 shows <c>amount</c> and <c>beneficiary_id</c> as strings.</summary>
public sealed record SimplePayout(
    long UserId, string Amount, string Currency, string BeneficiaryId, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid PayoutId,
    string Reference, decimal Fees, decimal NetAmount, string FundedFrom, string? CompanyId, object Beneficiary)
{
    public static SimplePayout Of(Payout payout, long beneficiaryId, object beneficiary) => new(
        payout.UserId, Money.Format(payout.Amount), payout.Currency, beneficiaryId.ToString(CultureInfo.InvariantCulture),
        payout.Status, payout.RequestedAt, payout.UpdatedAt, payout.Uuid, payout.Reference, payout.Fees, payout.NetAmount, payout.FundedFrom,
        payout.CompanyWallet ? payout.CompanyId : null, beneficiary);
}

/// <summary>
/// Seed 002's embedded beneficiary, or <see cref="KnownDetailsOnly"/> before BankAccountService's profile
/// (<c>BeneficiarySaved</c>) has arrived: what the details tell, rather than invented values.
/// </summary>
public sealed record EmbeddedBeneficiary(
    long Id, object UserId, string? RecipientType, string? CustomerName, string? CustomerEmail, string? CustomerNickname, string? Country,
    CustomerAddress CustomerAddress, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, EmbeddedPaymentDetails Details)
{
    /// <summary>The beneficiary as the response shows it; <paramref name="profile"/> is null or unknown until its event arrives.</summary>
    public static object Of(BeneficiaryDestinationView details, BeneficiaryView? profile)
    {
        var owner = profile?.UserId ?? details.UserId;
        // Platform users' ids are numbers; an outside subject stays text.
        object userId = long.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : owner;
        var paymentDetails = EmbeddedPaymentDetails.Of(details);
        if (profile is not { Known: true }) return new KnownDetailsOnly(details.BeneficiaryId, userId, details.Country, paymentDetails);
        return new EmbeddedBeneficiary(details.BeneficiaryId, userId, profile.RecipientType, profile.CustomerName, profile.CustomerEmail,
            profile.CustomerNickname, profile.Country, new CustomerAddress(profile.City, profile.County, PostalCode.Of(profile.PostalCode, profile.PostalCodeIsNumber), profile.AddressLine1, profile.AddressLine2), profile.CreatedAt, profile.UpdatedAt, paymentDetails);
    }

    public sealed record KnownDetailsOnly(long Id, object UserId, string Country, EmbeddedPaymentDetails Details);
}

/// <summary>The payment details paid, masked.</summary>
public sealed record EmbeddedPaymentDetails(long Id, string BankName, string AccountNumber, string Currency, DateTimeOffset CreatedAt)
{
    public static EmbeddedPaymentDetails Of(BeneficiaryDestinationView d) => new(d.Id, d.BankName, d.MaskedAccountNumber, d.Currency, d.AddedAt);
}
