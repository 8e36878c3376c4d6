using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 000 reads: the user's own payouts, all payouts and statistics for the back office.</summary>
public static class PayoutQueryEndpoints
{
    public static IEndpointRouteBuilder MapPayoutQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/get/payouts/", OwnPayouts).RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        var backOffice = app.MapGroup("/api/payouts").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        backOffice.MapPost("/all/", AllPayouts);
        backOffice.MapPost("/stats/", Statistics);
        return app;
    }

    private static async Task<IResult> OwnPayouts(HttpContext http, UserDirectory directory, PayoutsDbContext db, BalanceQueries balances, CancellationToken ct)
    {
        var caller = http.RequireCaller();
        var fields = await http.Request.ReadFieldsAsync(ct);
        var paging = Paging.From(fields, defaultLimit: 20, maxLimit: 100);
        var filter = PayoutQueryFilter.Parse(fields["status"], null, null);
        var currency = SummaryCurrency(fields);
        var user = await directory.EnsureAsync(caller, ct);

        // The caller's own payouts and, for a company member, those drawn on the company's wallet; never another company's.
        var companyId = caller.CompanyId;
        var query = filter.Apply(db.Payouts.AsNoTracking()
            .Where(p => p.UserId == user.Id || (companyId != null && p.CompanyWallet && p.CompanyId == companyId)));
        var total = await query.CountAsync(ct);
        var payouts = await query.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        var accounts = await BankAccountsOfAsync(db, payouts, ct);
        var balance = await balances.ForUserAsync(user.Id, currency, ct);

        return ApiJson.Snake(new
        {
            payouts = payouts.Select(p => new
            {
                id = p.Id, uuid = p.Uuid, user_id = p.UserId, amount = p.Amount, currency = p.Currency, status = p.Status, method = p.Method,
                funded_from = p.CompanyWallet ? "company_wallet" : "user_balance",
                bank_account = accounts.GetValueOrDefault(p.BankAccountId ?? 0) is { } a
                    ? new { id = a.Id, bank_name = a.BankName, account_number = a.MaskedAccountNumber, account_type = a.AccountType }
                    : null,
                paypal_email = p.PaypalEmail, stripe_account = p.StripeAccount, requested_at = p.RequestedAt, processed_at = p.ProcessedAt,
                cancelled_at = p.CancelledAt, reference = p.Reference, transaction_id = p.TransactionReference, fees = p.Fees, net_amount = p.NetAmount,
                rejection_reason = p.RejectionReason, failure_reason = p.FailureReason,
                settlement = Settlement(p),
            }),
            total,
            page = paging.Page,
            limit = paging.Limit,
            summary = new { total_earned = balance.Earned, total_paid = balance.Paid, pending_amount = balance.Held, currency },
        });
    }

    private static async Task<IResult> AllPayouts(HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var paging = Paging.From(fields, defaultLimit: 50, maxLimit: 100);
        var filter = PayoutQueryFilter.Parse(fields["status"], fields["date_from"], fields["date_to"]);
        var currency = SummaryCurrency(fields);

        var query = filter.Apply(db.Payouts.AsNoTracking());
        var total = await query.CountAsync(ct);
        var payouts = await query.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        var accounts = await BankAccountsOfAsync(db, payouts, ct);
        var users = await UsersOfAsync(db, payouts, ct);
        var inCurrency = query.Where(p => p.Currency == currency);

        return ApiJson.Snake(new
        {
            payouts = payouts.Select(p => new
            {
                id = p.Id, uuid = p.Uuid, user_id = p.UserId, user_name = users.GetValueOrDefault(p.UserId)?.FullName,
                user_email = users.GetValueOrDefault(p.UserId)?.Email, amount = p.Amount, currency = p.Currency, status = p.Status, method = p.Method,
                bank_account = accounts.GetValueOrDefault(p.BankAccountId ?? 0) is { } a ? new { bank_name = a.BankName, account_number = a.MaskedAccountNumber } : null,
                requested_at = p.RequestedAt, processed_at = p.ProcessedAt, reference = p.Reference,
            }),
            total,
            page = paging.Page,
            limit = paging.Limit,
            summary = new
            {
                total_amount = await inCurrency.SumAsync(p => p.Amount, ct),
                completed_amount = await inCurrency.Where(p => p.Status == PayoutStatus.Completed).SumAsync(p => p.Amount, ct),
                pending_amount = await inCurrency.Where(p => p.Status == PayoutStatus.Pending || p.Status == PayoutStatus.Processing).SumAsync(p => p.Amount, ct),
                currency,
            },
        });
    }

    private static async Task<IResult> Statistics(HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var filter = PayoutQueryFilter.Parse(fields["status"], fields["date_from"], fields["date_to"]);
        var currency = SummaryCurrency(fields);
        var query = filter.Apply(db.Payouts.AsNoTracking()).Where(p => p.Currency == currency);

        var count = await query.CountAsync(ct);
        var amount = await query.SumAsync(p => p.Amount, ct);
        var byStatus = await query.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byMethod = await query.GroupBy(p => p.Method).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return ApiJson.Snake(new
        {
            total_payouts = count,
            total_amount = amount,
            average_payout = count == 0 ? 0m : Currencies.Round(amount / count, currency),
            currency,
            by_status = byStatus.ToDictionary(s => s.Key, s => s.Count),
            by_method = byMethod.ToDictionary(m => m.Key, m => m.Count),
        });
    }

    /// <summary>The conversion locked at request time when the destination account is in another currency; else null.</summary>
    internal static object? Settlement(Payout p) => p.SettlementCurrency is null ? null : new
    {
        currency = p.SettlementCurrency, exchange_rate = p.ExchangeRate, amount = p.SettlementAmount, processing_fee = p.SettlementFee,
        net_amount = p.SettlementNetAmount,
    };

    private static string SummaryCurrency(RequestFields fields) =>
        Currencies.TryNormalize(fields["currency"] ?? Currencies.Default, out var currency)
            ? currency
            : throw new ApiErrorException(ApiError.Validation("currency", "The currency must be a supported ISO 4217 code."));

    internal static async Task<Dictionary<long, BankAccountView>> BankAccountsOfAsync(PayoutsDbContext db, IEnumerable<Payout> payouts, CancellationToken ct)
    {
        var ids = payouts.Where(p => p.BankAccountId is not null).Select(p => p.BankAccountId!.Value).Distinct().ToList();
        return await db.BankAccounts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
    }

    internal static async Task<Dictionary<long, DirectoryUser>> UsersOfAsync(PayoutsDbContext db, IEnumerable<Payout> payouts, CancellationToken ct)
    {
        var ids = payouts.Select(p => p.UserId).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
    }
}
