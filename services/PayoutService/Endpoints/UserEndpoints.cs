using Payouts.PayoutService.Application;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 user balance and the user's activity (credits, withdrawals).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/user").RequireAuthorization();
        group.MapPost("/balance/", Balance).Produces<UserBalanceView>();
        group.MapGet("/transactions/", Transactions).Produces<UserTransactionList>();
        return app;
    }

    private static async Task<IResult> Balance(HttpContext http, UserDirectory directory, BalanceQueries balances, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var self = await directory.EnsureAsync(caller, ct);
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var currency = fields.Currency(errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var user = self;
        if (fields["user_id"] is { } requested)
        {
            var other = await directory.FindAsync(requested, ct);
            // Another user's balance is an admin's business only; to others it does not exist.
            if (other is null || (!caller.IsAdmin && other.Id != caller.UserId)) return ApiError.NotFound("User not found").ToResult();
            user = other;
        }

        var balance = await balances.ForUserAsync(user.Id, currency, ct);
        return FamilyJson.Result(UserBalanceView.Of(user, balance, currency));
    }

    private static async Task<IResult> Transactions(HttpContext http, UserDirectory directory, BalanceQueries balances, int? page, int? limit,
        CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var user = await directory.EnsureAsync(caller, ct);
        var errors = new FieldErrors();
        var paging = Paging.From(page, limit, defaultLimit: 20, maxLimit: 100, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var (items, total) = await balances.TransactionsAsync(user.Id, caller.CompanyId, paging, ct);
        return FamilyJson.Result(new UserTransactionList(items.Select(UserTransactionView.Of), total, paging.Page, paging.Limit));
    }
}
