using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 user balance and the user's activity (credits, withdrawals).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/user").RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        group.MapPost("/balance/", Balance);
        group.MapGet("/transactions/", Transactions);
        return app;
    }

    private static async Task<IResult> Balance(HttpContext http, UserDirectory directory, PayoutsDbContext db, BalanceQueries balances, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        await directory.EnsureAsync(caller, ct);
        var fields = await http.Request.ReadFieldsAsync(ct);
        if (!Currencies.TryNormalize(fields["currency"] ?? Currencies.Default, out var currency))
            throw new ApiErrorException(ApiError.Validation("currency", "The currency must be a supported ISO 4217 code."));

        DirectoryUser? user;
        if (fields["user_id"] is { } requested)
        {
            user = await directory.FindAsync(requested, ct);
            // Another user's balance is an admin's business only; to others it does not exist.
            if (user is null || (!caller.IsAdmin && user.Id != caller.UserId))
                throw new ApiErrorException(ApiError.NotFound("User not found"));
        }
        else
        {
            user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == caller.UserId, ct);
        }

        var balance = await balances.ForUserAsync(user.Id, currency, ct);
        return ApiJson.Snake(new
        {
            user_id = user.Id,
            available_balance = balance.Available,
            pending_balance = balance.Held,
            total_earned = balance.Earned,
            total_paid = balance.Paid,
            currency,
            minimum_payout = user.MinimumPayout,
            last_updated = balance.LastUpdated ?? user.CreatedAt,
        });
    }

    private static async Task<IResult> Transactions(HttpContext http, UserDirectory directory, PayoutsDbContext db,
        int? page, int? limit, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        await directory.EnsureAsync(caller, ct);
        var paging = Paging.From(page, limit, defaultLimit: 20, maxLimit: 100);
        // The caller's activity and, for a company member, withdrawals from the company's wallet.
        var companyId = caller.CompanyId;
        var query = db.UserTransactions.AsNoTracking().Where(t => t.UserId == caller.UserId || (companyId != null && t.CompanyId == companyId));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return ApiJson.Snake(new
        {
            transactions = items.Select(t => new
            {
                id = t.Id, uuid = t.Uuid, type = t.Type, status = t.Status, amount = t.Amount, currency = t.Currency,
                description = t.Description, reference = t.Reference, payout_id = t.PayoutId, company_id = t.CompanyId, created_at = t.CreatedAt,
            }),
            total,
            page = paging.Page,
            limit = paging.Limit,
        });
    }
}

/// <summary>Page and limit as the seeds use them (1-based pages, capped limits).</summary>
public readonly record struct Paging(int Page, int Limit)
{
    public int Skip => (Page - 1) * Limit;

    public static Paging From(int? page, int? limit, int defaultLimit, int maxLimit)
    {
        if (page is < 1) throw new ApiErrorException(ApiError.Validation("page", "The page must be at least 1."));
        if (limit is < 1 || limit > maxLimit)
            throw new ApiErrorException(ApiError.Validation("limit", $"The limit must be between 1 and {maxLimit}."));
        return new Paging(page ?? 1, limit ?? defaultLimit);
    }

    /// <summary>Page and limit from body fields (seed 000 sends them as form fields).</summary>
    public static Paging From(RequestFields fields, int defaultLimit, int maxLimit) =>
        From(Number(fields, "page"), Number(fields, "limit"), defaultLimit, maxLimit);

    private static int? Number(RequestFields fields, string name)
    {
        var text = fields[name];
        if (text is null) return null;
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ApiErrorException(ApiError.Validation(name, $"The {name} must be a whole number."));
    }
}
