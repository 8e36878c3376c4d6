using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>A seed 002 payout that passed every check that does not need the balance lock, with what its answer embeds.</summary>
public sealed record ValidSimplePayout(
    long BeneficiaryId, BeneficiaryDestinationView Details, BeneficiaryView? Profile, DirectoryUser User, string? PayingCompanyId, PaymentMethod Method,
    decimal Amount, decimal Fees, string Currency)
{
    /// <summary>A new payout each time: a retried transaction must not re-add the entity of the failed attempt.</summary>
    public Payout ToPayout() => new()
    {
        Uuid = Guid.CreateVersion7(), Reference = "", UserId = User.Id, CompanyId = PayingCompanyId ?? User.CompanyId, CompanyWallet = PayingCompanyId is not null,
        Amount = Amount, Fees = Fees, NetAmount = Amount - Fees, Currency = Currency, Method = Method.Id, BeneficiaryDetailsId = Details.Id,
    };
}

/// <summary>
/// Seed 002 <c>POST /payout/simple</c> rules: a payout to a beneficiary's payment details, in the details' currency. The
/// details were validated when added, so they are payable at once.
/// </summary>
public static class SimplePayoutValidator
{
    public static async Task<ApiOutcome<ValidSimplePayout>> ValidateAsync(RequestFields fields, Caller caller, DirectoryUser user, PayoutsDbContext db,
        PayoutDestinations destinations, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var beneficiaryId = Id(fields, "beneficiary_id", "beneficiary id", errors);
        var detailsId = Id(fields, "beneficiary_details_id", "beneficiary details id", errors);
        if (fields["amount"] is null) errors.Add("amount", "The amount field is required.");
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary());

        // A company member pays from the company's wallet, to the company's beneficiaries; anyone else from their own balance.
        var companyId = caller.CompanyId;
        var lookup = await destinations.BeneficiaryDetailsAsync(detailsId, beneficiaryId, ct);
        if (lookup.Unavailable is { } unavailable) return unavailable;
        var details = lookup.Found?.Details;
        // Someone else's details, or details of another beneficiary: not found, revealing nothing.
        // Removed details, or details of a removed beneficiary, are gone: the same answer.
        var profile = lookup.Found?.Profile is { } found && found.Id == beneficiaryId
            ? found
            : await db.Beneficiaries.AsNoTracking().FirstOrDefaultAsync(b => b.Id == beneficiaryId, ct);
        if (details is null || details.Removed || profile is { Removed: true } || details.BeneficiaryId != beneficiaryId
            || !(details.UserId == user.Id.ToString(CultureInfo.InvariantCulture) || (companyId is not null && details.CompanyId == companyId)))
            return ApiError.NotFound("Beneficiary details not found");
        if (!Currencies.TryNormalize(details.Currency, out var currency))
            return ApiError.Validation("beneficiary_details_id", $"Payouts in {details.Currency} are not supported.");
        if (AmountParser.Validate(fields["amount"], currency, out var amount) is { } amountError)
            return ApiError.Validation("amount", amountError);
        var method = await db.PaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == details.Method && m.Enabled, ct);
        if (method is null) return ApiError.Validation("beneficiary_details_id", "The details' payout method is not available.");
        if (amount > method.MaximumAmount)
            return new ApiError(StatusCodes.Status400BadRequest, "payout_limit_exceeded", "Payout amount exceeds maximum limit");
        // A user's minimum payout limits withdrawals of their earnings, not a company paying its beneficiaries.
        if (amount < (companyId is null ? Math.Max(method.MinimumAmount, user.MinimumPayout) : method.MinimumAmount))
            return ApiError.Validation("amount", "Amount must be greater than minimum payout amount");
        return new ValidSimplePayout(beneficiaryId, details, profile, user, companyId, method, amount, method.FeeFor(amount, currency), currency);
    }

    private static long Id(RequestFields fields, string name, string label, FieldErrors errors)
    {
        var text = fields[name];
        if (text is null)
        {
            errors.Add(name, $"The {label} field is required.");
            return 0;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        errors.Add(name, $"The {label} must be an integer.");
        return 0;
    }
}
