using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Application;

/// <summary>A user's balances in one currency, all derived from ledger accounts and entries.</summary>
public sealed record UserBalance(decimal Available, decimal Held, decimal Paid, decimal Earned, DateTimeOffset? LastUpdated);

public sealed class BalanceQueries(PayoutsDbContext db)
{
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
