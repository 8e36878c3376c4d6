using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>One page of payouts, newest first, with the bank accounts, beneficiary details and users they name.</summary>
public sealed record PayoutPage(
    IReadOnlyList<Payout> Payouts, int Total, IReadOnlyDictionary<long, BankAccountView> Accounts, IReadOnlyDictionary<long, BeneficiaryDestinationView> Details,
    IReadOnlyDictionary<long, DirectoryUser> Users)
{
    public BankAccountView? AccountOf(Payout payout) => Accounts.GetValueOrDefault(payout.BankAccountId ?? 0);

    public PayoutDestinationViews DestinationOf(Payout payout) =>
        new(AccountOf(payout), Details.GetValueOrDefault(payout.BeneficiaryDetailsId ?? 0));

    public DirectoryUser? UserOf(Payout payout) => Users.GetValueOrDefault(payout.UserId);
}

/// <summary>Amounts of the payouts matching a filter, in one currency.</summary>
public sealed record PayoutTotals(decimal Total, decimal Completed, decimal Pending);

/// <summary>Counts and amounts of the payouts matching a filter, in one currency.</summary>
public sealed record PayoutStatisticsData(int Count, decimal Amount, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByMethod);

/// <summary>The payout reads of seeds 000 and 004: a user's own payouts, every payout, totals and statistics, one payout.</summary>
public sealed class PayoutQueries(PayoutsDbContext db)
{
    /// <summary>The user's own payouts and, for a company member, those drawn on the company's wallet; never another company's.</summary>
    public Task<PayoutPage> OwnAsync(long userId, string? companyId, PayoutQueryFilter filter, Paging paging, CancellationToken ct) =>
        PageAsync(filter.Apply(db.Payouts.AsNoTracking()
            .Where(p => p.UserId == userId || (companyId != null && p.CompanyWallet && p.CompanyId == companyId))), paging, withUsers: false, ct);

    public Task<PayoutPage> AllAsync(PayoutQueryFilter filter, Paging paging, CancellationToken ct) =>
        PageAsync(filter.Apply(db.Payouts.AsNoTracking()), paging, withUsers: true, ct);

    public async Task<PayoutTotals> TotalsAsync(PayoutQueryFilter filter, string currency, CancellationToken ct)
    {
        var inCurrency = filter.Apply(db.Payouts.AsNoTracking()).Where(p => p.Currency == currency);
        return new PayoutTotals(
            await inCurrency.SumAsync(p => p.Amount, ct),
            await inCurrency.Where(p => p.Status == PayoutStatus.Completed).SumAsync(p => p.Amount, ct),
            await inCurrency.Where(p => p.Status == PayoutStatus.Pending || p.Status == PayoutStatus.Processing).SumAsync(p => p.Amount, ct));
    }

    public async Task<PayoutStatisticsData> StatisticsAsync(PayoutQueryFilter filter, string currency, CancellationToken ct)
    {
        var query = filter.Apply(db.Payouts.AsNoTracking()).Where(p => p.Currency == currency);
        var count = await query.CountAsync(ct);
        var amount = await query.SumAsync(p => p.Amount, ct);
        var byStatus = await query.GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(s => s.Key, s => s.Count, ct);
        var byMethod = await query.GroupBy(p => p.Method).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(m => m.Key, m => m.Count, ct);
        return new PayoutStatisticsData(count, amount, byStatus, byMethod);
    }

    /// <summary>A payout by numeric id or uuid, with its user and destination; null when there is none.</summary>
    public async Task<(Payout Payout, DirectoryUser? User, PayoutDestinationViews Destination)?> FindAsync(string idOrUuid, CancellationToken ct)
    {
        var payout = long.TryParse(idOrUuid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            : Guid.TryParse(idOrUuid, out var uuid) ? await db.Payouts.AsNoTracking().FirstOrDefaultAsync(p => p.Uuid == uuid, ct) : null;
        if (payout is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == payout.UserId, ct);
        var account = payout.BankAccountId is { } accountId ? await db.BankAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct) : null;
        var details = payout.BeneficiaryDetailsId is { } detailsId
            ? await db.BeneficiaryDestinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == detailsId, ct)
            : null;
        return (payout, user, new PayoutDestinationViews(account, details));
    }

    private async Task<PayoutPage> PageAsync(IQueryable<Payout> query, Paging paging, bool withUsers, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var payouts = await query.OrderByDescending(p => p.RequestedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        var accountIds = payouts.Where(p => p.BankAccountId is not null).Select(p => p.BankAccountId!.Value).Distinct().ToList();
        var accounts = await db.BankAccounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var detailsIds = payouts.Where(p => p.BeneficiaryDetailsId is not null).Select(p => p.BeneficiaryDetailsId!.Value).Distinct().ToList();
        var details = await db.BeneficiaryDestinations.AsNoTracking().Where(d => detailsIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var userIds = payouts.Select(p => p.UserId).Distinct().ToList();
        var users = withUsers ? await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct) : [];
        return new PayoutPage(payouts, total, accounts, details, users);
    }
}
