using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// Seed 002 <c>POST /payout/simple</c>: a payout to a beneficiary's payment details, in the details' currency. The
/// details were validated when added, so they are payable at once; the response embeds the beneficiary.
/// </summary>
public static class SimplePayoutEndpoints
{
    public static IEndpointRouteBuilder MapSimplePayoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payout/simple", Create).RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        return app;
    }

    private static async Task<IResult> Create(HttpContext http, UserDirectory directory, PayoutsDbContext db, PayoutLifecycle lifecycle,
        IdempotentOperation idempotent, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        var fields = await http.Request.ReadFieldsAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var beneficiaryId = Id(fields, "beneficiary_id", "beneficiary id", errors);
        var detailsId = Id(fields, "beneficiary_details_id", "beneficiary details id", errors);
        if (fields["amount"] is null) errors["amount"] = ["The amount field is required."];
        if (errors.Count > 0) throw new ApiErrorException(ApiError.Validation(errors));

        var user = await directory.EnsureAsync(caller, ct);
        // A company member pays from the company's wallet, to the company's beneficiaries; anyone else from their own balance.
        var companyId = caller.CompanyId;
        var details = await db.BeneficiaryDestinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == detailsId, ct);
        // Someone else's details, or details of another beneficiary: not found, revealing nothing.
        // Removed details, or details of a removed beneficiary, are gone: the same answer.
        var profile = await db.Beneficiaries.AsNoTracking().FirstOrDefaultAsync(b => b.Id == beneficiaryId, ct);
        if (details is null || details.Removed || profile is { Removed: true } || details.BeneficiaryId != beneficiaryId
            || !(details.UserId == user.Id.ToString(CultureInfo.InvariantCulture) || (companyId is not null && details.CompanyId == companyId)))
            throw new ApiErrorException(new ApiError(StatusCodes.Status404NotFound, "not_found", "Beneficiary details not found"));
        if (!Currencies.TryNormalize(details.Currency, out var currency))
            throw new ApiErrorException(ApiError.Validation("beneficiary_details_id", $"Payouts in {details.Currency} are not supported."));
        if (AmountParser.Validate(fields["amount"], currency, out var amount) is { } amountError)
            throw new ApiErrorException(ApiError.Validation("amount", amountError));
        var method = await db.PaymentMethods.AsNoTracking().FirstOrDefaultAsync(m => m.Id == details.Method && m.Enabled, ct)
            ?? throw new ApiErrorException(ApiError.Validation("beneficiary_details_id", "The details' payout method is not available."));
        if (amount > method.MaximumAmount)
            throw new ApiErrorException(new ApiError(StatusCodes.Status400BadRequest, "payout_limit_exceeded", "Payout amount exceeds maximum limit"));
        // A user's minimum payout limits withdrawals of their earnings, not a company paying its beneficiaries.
        if (amount < (companyId is null ? Math.Max(method.MinimumAmount, user.MinimumPayout) : method.MinimumAmount))
            throw new ApiErrorException(ApiError.Validation("amount", "Amount must be greater than minimum payout amount"));
        var fees = method.FeeFor(amount, currency);

        var response = await idempotent.RunAsync($"user:{caller.UserId}:simple", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            var payout = await lifecycle.RequestAsync(new Domain.Payouts.Payout
            {
                Uuid = Guid.CreateVersion7(), Reference = "", UserId = user.Id, CompanyId = companyId ?? user.CompanyId,
                CompanyWallet = companyId is not null, Amount = amount, Fees = fees,
                NetAmount = amount - fees, Currency = currency, Method = method.Id, BeneficiaryDetailsId = details.Id,
            }, ct);
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new
            {
                status = "success",
                status_code = StatusCodes.Status200OK,
                message = "Request successful",
                data = new
                {
                    user_id = user.Id,
                    // Seed 002 shows amount and beneficiary_id as strings.
                    amount = amount.ToString(CultureInfo.InvariantCulture),
                    currency,
                    beneficiary_id = beneficiaryId.ToString(CultureInfo.InvariantCulture),
                    status = payout.Status,
                    created_at = payout.RequestedAt,
                    updated_at = payout.UpdatedAt,
                    payout_id = payout.Uuid,
                    reference = payout.Reference,
                    fees = payout.Fees,
                    net_amount = payout.NetAmount,
                    funded_from = payout.CompanyWallet ? "company_wallet" : "user_balance",
                    company_id = payout.CompanyWallet ? payout.CompanyId : null,
                    beneficiary = BeneficiaryBody(details, profile),
                },
            }, ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }

    /// <summary>
    /// Seed 002's embedded beneficiary. Before BankAccountService's profile (<c>BeneficiarySaved</c>) has arrived, only
    /// what the details tell is shown (id, owner, country) rather than invented values.
    /// </summary>
    private static object BeneficiaryBody(BeneficiaryDestinationView details, BeneficiaryView? profile)
    {
        var owner = profile?.UserId ?? details.UserId;
        object userId = long.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : owner;
        var paymentDetails = new
        {
            id = details.Id, bank_name = details.BankName, account_number = details.MaskedAccountNumber, currency = details.Currency,
            created_at = details.AddedAt,
        };
        if (profile is not { Known: true })
            return new { id = details.BeneficiaryId, user_id = userId, country = details.Country, details = paymentDetails };
        return new
        {
            id = details.BeneficiaryId,
            user_id = userId,
            recipient_type = profile.RecipientType,
            customer_name = profile.CustomerName,
            customer_email = profile.CustomerEmail,
            customer_nickname = profile.CustomerNickname,
            country = profile.Country,
            customer_address = new
            {
                city = profile.City, county = profile.County, postal_code = profile.PostalCode, address_line_1 = profile.AddressLine1,
                address_line_2 = profile.AddressLine2,
            },
            created_at = profile.CreatedAt,
            updated_at = profile.UpdatedAt,
            details = paymentDetails,
        };
    }

    private static long Id(RequestFields fields, string name, string label, Dictionary<string, string[]> errors)
    {
        var text = fields[name];
        if (text is null)
        {
            errors[name] = [$"The {label} field is required."];
            return 0;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) return id;
        errors[name] = [$"The {label} must be an integer."];
        return 0;
    }
}
