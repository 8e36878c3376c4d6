using System.Globalization;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Fx;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// The FX rates payouts settle at, as configuration an admin keeps current: <c>GET /api/admin/fx-rates</c> lists them,
/// <c>PUT /api/admin/fx-rates/{base}/{quote}</c> sets one (rate, processing fee, enabled). A payout locks its rate
/// when it is requested, so a change applies to payouts requested after it.
/// </summary>
public static class FxRateEndpoints
{
    private const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    public static IEndpointRouteBuilder MapFxRateEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/fx-rates").RequireAuthorization(PayoutsPolicies.Admin);
        admin.MapGet("", List).Produces<AdminResponse<FxRateList>>();
        admin.MapPut("/{baseCurrency}/{quoteCurrency}", Set).Produces<AdminActionResponse<FxRateView>>();
        return app;
    }

    private static async Task<IResult> List(FxRateSettings rates, CancellationToken ct) =>
        FamilyJson.Result(AdminResponse<FxRateList>.Of(new FxRateList((await rates.ListAsync(ct)).Select(FxRateView.Of))));

    private static async Task<IResult> Set(string baseCurrency, string quoteCurrency, HttpContext http, FxRateSettings rates, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Currencies.TryNormalize(baseCurrency, out var from)) errors["baseCurrency"] = [$"'{baseCurrency}' is not a supported currency."];
        if (!Currencies.TryNormalize(quoteCurrency, out var to)) errors["quoteCurrency"] = [$"'{quoteCurrency}' is not a supported currency."];
        else if (from == to) errors["quoteCurrency"] = ["The quote currency must differ from the base currency."];

        var rate = Number(fields, "rate", errors);
        if (rate is { } r && FxRate.RateProblem(r) is { } rateProblem) errors["rate"] = [rateProblem];
        var fee = Number(fields, "processingFee", errors);
        if (fee is { } f && !errors.ContainsKey("quoteCurrency") && FxRate.ProcessingFeeProblem(f, to) is { } feeProblem) errors["processingFee"] = [feeProblem];
        var enabled = fields["enabled"] switch
        {
            null => true,
            "true" => true,
            "false" => false,
            _ => Invalid(errors, "enabled", "Enabled must be true or false."),
        };
        if (errors.Count > 0) return ApiError.Validation(errors, "Invalid FX rate").ToResult();

        var saved = await rates.SetAsync(new FxRateSetting(from, to, rate!.Value, fee!.Value, enabled), caller.Subject, ct);
        return FamilyJson.Result(new AdminActionResponse<FxRateView>(true, "FX rate saved", FxRateView.Of(saved)));
    }

    private static decimal? Number(RequestFields fields, string name, Dictionary<string, string[]> errors)
    {
        var text = fields[name];
        if (text is not null && decimal.TryParse(text, DecimalText, CultureInfo.InvariantCulture, out var value)) return value;
        errors[name] = [text is null ? $"The {name} field is required." : $"The {name} must be a plain decimal number."];
        return null;
    }

    private static bool Invalid(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return false;
    }
}
