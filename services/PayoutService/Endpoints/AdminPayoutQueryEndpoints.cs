using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Seed 004 admin reads: the paginated payout list and one payout with its user's balance.</summary>
public static class AdminPayoutQueryEndpoints
{
    public static IEndpointRouteBuilder MapAdminPayoutQueryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/payouts").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        return app;
    }

    private static async Task<IResult> List(PayoutsDbContext db, int? page, int? limit, string? status, CancellationToken ct)
    {
        var paging = Paging.From(page, limit, defaultLimit: 10, maxLimit: 50);
        var filter = PayoutQueryFilter.Parse(status, null, null);
        var query = filter.Apply(db.Payouts.AsNoTracking());
        var total = await query.CountAsync(ct);
        var payouts = await query.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        var accounts = await PayoutQueryEndpoints.BankAccountsOfAsync(db, payouts, ct);
        var users = await PayoutQueryEndpoints.UsersOfAsync(db, payouts, ct);
        return ApiJson.Camel(new
        {
            success = true,
            data = new
            {
                payouts = payouts.Select(p => View(p, users.GetValueOrDefault(p.UserId), null, accounts.GetValueOrDefault(p.BankAccountId ?? 0))),
                pagination = new
                {
                    currentPage = paging.Page,
                    totalPages = (total + paging.Limit - 1) / paging.Limit,
                    totalItems = total,
                    itemsPerPage = paging.Limit,
                },
            },
        });
    }

    private static async Task<IResult> Get(string id, PayoutsDbContext db, BalanceQueries balances, CancellationToken ct)
    {
        var payout = await FindAsync(db, id, ct) ?? throw new ApiErrorException(ApiError.NotFound("Payout not found"));
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == payout.UserId, ct);
        var balance = await balances.ForUserAsync(payout.UserId, payout.Currency, ct);
        var account = payout.BankAccountId is { } accountId ? await db.BankAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct) : null;
        return ApiJson.Camel(new { success = true, data = View(payout, user, balance.Available, account) });
    }

    private static Task<Payout?> FindAsync(PayoutsDbContext db, string id, CancellationToken ct)
    {
        if (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
            return db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == numeric, ct);
        return Guid.TryParse(id, out var uuid)
            ? db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Uuid == uuid, ct)
            : Task.FromResult<Payout?>(null);
    }

    /// <summary>Seed 004's payout object; <c>bankAccount.accountNumber</c> is masked (full numbers never leave BankAccountService).</summary>
    private static object View(Payout p, DirectoryUser? user, decimal? balance, BankAccountView? account) => new
    {
        id = p.Uuid,
        numericId = p.Id,
        reference = p.Reference,
        userId = user?.Uuid,
        user = user is null ? null : new { id = user.Uuid, email = user.Email, firstName = user.FirstName, lastName = user.LastName, phone = user.Phone, balance },
        amount = p.Amount,
        currency = p.Currency,
        // Seed 004's NGN view: the amount the destination is sent before the processing fee; null for other currencies.
        amountInNgn = p.SettlementCurrency == "NGN" ? p.SettlementAmount : p.SettlementCurrency is null && p.Currency == "NGN" ? p.Amount : null,
        // With a conversion, fee and net are in the settlement currency (seed 004: 50 NGN, 149950 NGN); else the method's.
        processingFee = p.SettlementCurrency is null ? p.Fees : p.SettlementFee,
        netAmount = p.SettlementCurrency is null ? p.NetAmount : p.SettlementNetAmount,
        settlementCurrency = p.SettlementCurrency ?? p.Currency,
        settlementAmount = p.SettlementAmount ?? p.NetAmount,
        exchangeRate = p.ExchangeRate,
        methodFee = p.Fees,
        fundedFrom = p.CompanyWallet ? "company_wallet" : "user_balance",
        companyId = p.CompanyId,
        method = p.Method,
        bankAccount = account is null ? null : new { accountNumber = account.MaskedAccountNumber, accountName = (string?)null, bankName = account.BankName, bankCode = (string?)null },
        status = p.Status,
        requestedAt = p.RequestedAt,
        processedAt = p.ProcessedAt,
        completedAt = p.CompletedAt,
        processedBy = p.ProcessedBy,
        transactionReference = p.TransactionReference,
        rejectionReason = p.RejectionReason,
        failureReason = p.FailureReason,
        notes = p.Notes,
    };
}
