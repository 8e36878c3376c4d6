using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 004 admin reads: the paginated payout list, one payout with its user's balance, and the figures per day.</summary>
public static class AdminPayoutQueryEndpoints
{
    public static IEndpointRouteBuilder MapAdminPayoutQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/payouts").RequireAuthorization(PayoutsPolicies.Admin);
        group.MapGet("/", List).Produces<AdminResponse<AdminPayoutList>>();
        group.MapGet("/daily", Daily).Produces<AdminResponse<AdminPayoutDays>>().WithSummary("Payouts per day by status and amount paid per day");
        group.MapGet("/{id}", Get).Produces<AdminResponse<AdminPayout>>();
        return app;
    }

    private static async Task<IResult> List(PayoutQueries payouts, int? page, int? limit, string? status, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.From(page, limit, defaultLimit: 10, maxLimit: 50, errors);
        var filter = PayoutQueryFilter.Parse(status, null, null, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var found = await payouts.AllAsync(filter, paging, ct);
        return FamilyJson.Result(AdminResponse<AdminPayoutList>.Of(new AdminPayoutList(
            found.Payouts.Select(p => AdminPayout.Of(p, found.UserOf(p), null, AdminBankAccount.Of(found.DestinationOf(p)))), Pagination.Of(paging, found.Total))));
    }

    /// <summary>The last <c>days</c> UTC days (30 unless given, at most 90) up to today, in <c>currency</c> (USD unless given).</summary>
    private static async Task<IResult> Daily(PayoutsPerDay figures, TimeProvider clock, int? days, string? currency, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (days is < 1 or > PayoutsPerDay.MaxDays) errors.Add("days", $"The days must be a whole number from 1 to {PayoutsPerDay.MaxDays}.");
        if (!Currencies.TryNormalize(currency ?? Currencies.Default, out var inCurrency)) errors.Add("currency", "The currency must be a supported ISO 4217 code.");
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var found = await figures.ForAsync(today.AddDays(1 - (days ?? 30)), today, inCurrency, ct);
        return FamilyJson.Result(AdminResponse<AdminPayoutDays>.Of(new AdminPayoutDays(inCurrency, found.Select(AdminPayoutDay.Of))));
    }

    private static async Task<IResult> Get(string id, PayoutQueries payouts, BalanceQueries balances, CancellationToken ct)
    {
        if (await payouts.FindAsync(id, ct) is not var (payout, user, destination)) return ApiError.NotFound("Payout not found").ToResult();
        var balance = await balances.ForUserAsync(payout.UserId, payout.Currency, ct);
        return FamilyJson.Result(AdminResponse<AdminPayout>.Of(AdminPayout.Of(payout, user, balance.Available, AdminBankAccount.Of(destination))));
    }
}
