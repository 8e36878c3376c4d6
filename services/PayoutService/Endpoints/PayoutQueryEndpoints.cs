using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 reads: the user's own payouts, all payouts and statistics for the back office.</summary>
public static class PayoutQueryEndpoints
{
    public static IEndpointRouteBuilder MapPayoutQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/get/payouts/", OwnPayouts).RequireAuthorization().Produces<OwnPayoutList>();
        var backOffice = app.MapGroup("/api/payouts").RequireAuthorization(PayoutsPolicies.Admin);
        backOffice.MapPost("/all/", AllPayouts).Produces<BackOfficePayoutList>();
        backOffice.MapPost("/stats/", Statistics).Produces<PayoutStatistics>();
        return app;
    }

    private static async Task<IResult> OwnPayouts(HttpContext http, UserDirectory directory, PayoutQueries payouts, BalanceQueries balances, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var paging = Paging.From(fields, defaultLimit: 20, maxLimit: 100, errors);
        var filter = PayoutQueryFilter.Parse(fields["status"], null, null, errors);
        var currency = fields.Currency(errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var user = await directory.EnsureAsync(caller, ct);
        var page = await payouts.OwnAsync(user.Id, caller.CompanyId, filter, paging, ct);
        var balance = await balances.ForUserAsync(user.Id, currency, ct);
        return FamilyJson.Result(new OwnPayoutList(
            page.Payouts.Select(p => OwnPayout.Of(p, page.AccountOf(p))), page.Total, paging.Page, paging.Limit,
            new OwnPayoutSummary(balance.Earned, balance.Paid, balance.Held, currency)));
    }

    private static async Task<IResult> AllPayouts(HttpContext http, PayoutQueries payouts, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var paging = Paging.From(fields, defaultLimit: 50, maxLimit: 100, errors);
        var filter = PayoutQueryFilter.Parse(fields["status"], fields["date_from"], fields["date_to"], errors);
        var currency = fields.Currency(errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var page = await payouts.AllAsync(filter, paging, ct);
        var totals = await payouts.TotalsAsync(filter, currency, ct);
        return FamilyJson.Result(new BackOfficePayoutList(
            page.Payouts.Select(p => BackOfficePayout.Of(p, page.UserOf(p), page.AccountOf(p))), page.Total, paging.Page, paging.Limit,
            new BackOfficeSummary(totals.Total, totals.Completed, totals.Pending, currency)));
    }

    private static async Task<IResult> Statistics(HttpContext http, PayoutQueries payouts, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var filter = PayoutQueryFilter.Parse(fields["status"], fields["date_from"], fields["date_to"], errors);
        var currency = fields.Currency(errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var statistics = await payouts.StatisticsAsync(filter, currency, ct);
        return FamilyJson.Result(new PayoutStatistics(statistics.Count, statistics.Amount,
            statistics.Count == 0 ? 0m : Currencies.Round(statistics.Amount / statistics.Count, currency), currency, statistics.ByStatus, statistics.ByMethod));
    }
}
