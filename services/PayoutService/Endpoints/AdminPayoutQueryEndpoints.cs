using Payouts.PayoutService.Application;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 004 admin reads: the paginated payout list and one payout with its user's balance.</summary>
public static class AdminPayoutQueryEndpoints
{
    public static IEndpointRouteBuilder MapAdminPayoutQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/payouts").RequireAuthorization(PayoutsPolicies.Admin);
        group.MapGet("/", List).Produces<AdminResponse<AdminPayoutList>>();
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

    private static async Task<IResult> Get(string id, PayoutQueries payouts, BalanceQueries balances, CancellationToken ct)
    {
        if (await payouts.FindAsync(id, ct) is not var (payout, user, destination)) return ApiError.NotFound("Payout not found").ToResult();
        var balance = await balances.ForUserAsync(payout.UserId, payout.Currency, ct);
        return FamilyJson.Result(AdminResponse<AdminPayout>.Of(AdminPayout.Of(payout, user, balance.Available, AdminBankAccount.Of(destination))));
    }
}
