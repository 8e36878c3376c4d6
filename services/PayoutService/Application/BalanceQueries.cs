using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Application;

/// <summary>A user's balances in one currency, all derived from ledger accounts and entries.</summary>
public sealed record UserBalance(decimal Available, decimal Held, decimal Paid, decimal Earned, DateTimeOffset? LastUpdated);

/// <summary>A user's balances and the activity behind them.</summary>
public sealed class BalanceQueries(PayoutsDbContext db)
{
    /// <summary>The user's activity and, for a company member, withdrawals from the company's wallet; newest first.</summary>
    public async Task<(IReadOnlyList<UserTransaction> Items, int Total)> TransactionsAsync(long userId, string? companyId, Paging paging,
        CancellationToken cancellationToken)
    {
        var query = db.UserTransactions.AsNoTracking().Where(t => t.UserId == userId || (companyId != null && t.CompanyId == companyId));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip(paging.Skip).Take(paging.Limit).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<UserBalance> ForUserAsync(long userId, string currency, CancellationToken cancellationToken)
    {
        var owner = userId.ToString(CultureInfo.InvariantCulture);
        var accounts = await db.LedgerAccounts.AsNoTracking()
            .Where(a => a.OwnerType == LedgerOwnerType.User && a.OwnerId == owner && a.Currency == currency)
            .ToListAsync(cancellationToken);
        var available = accounts.FirstOrDefault(a => a.Kind == LedgerAccountKind.Available);
        // Earned = everything ever credited to the available account; derived from the entries, not a counter.
        var earned = available is null ? 0m : await db.LedgerEntries
            .Where(e => e.AccountId == available.Id && db.LedgerTransactions.Any(t => t.Id == e.TransactionId && t.Type == LedgerTransactionType.Credit))
            .SumAsync(e => e.Amount, cancellationToken);
        decimal Of(string kind) => accounts.FirstOrDefault(a => a.Kind == kind)?.Balance ?? 0m;
        return new UserBalance(Of(LedgerAccountKind.Available), Of(LedgerAccountKind.Held), Of(LedgerAccountKind.Paid), earned,
            accounts.Count == 0 ? null : accounts.Max(a => a.UpdatedAt));
    }
}
