using Microsoft.EntityFrameworkCore;
using Payouts.ProviderSandbox.Data;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Application;

/// <summary>The debit accounts transfers are paid from: their balances, and the sandbox admin's way to set one.</summary>
public sealed class DebitAccounts(SandboxDbContext db, PendingTransferResolver resolver, TimeProvider time)
{
    /// <summary>The account's balances by currency; empty when there is no such account.</summary>
    public async Task<IReadOnlyList<AccountBalance>> BalancesAsync(string accountId, CancellationToken cancellationToken)
    {
        // Late failures return their debit; resolve them first so the balance is current.
        await resolver.ResolveDueAsync(cancellationToken);
        return await ReadAsync(accountId, cancellationToken);
    }

    /// <summary>Sets (or opens) the account's balance in one currency; returns all its balances.</summary>
    public async Task<IReadOnlyList<AccountBalance>> SetBalanceAsync(string accountId, string currency, decimal balance, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO account_balances (account_id, currency, balance, updated_at) VALUES ({accountId}, {currency}, {balance}, {now})
            ON CONFLICT (account_id, currency) DO UPDATE SET balance = EXCLUDED.balance, updated_at = EXCLUDED.updated_at
            """,
            cancellationToken);
        return await ReadAsync(accountId, cancellationToken);
    }

    private async Task<IReadOnlyList<AccountBalance>> ReadAsync(string accountId, CancellationToken cancellationToken) =>
        await db.AccountBalances.AsNoTracking().Where(b => b.AccountId == accountId).OrderBy(b => b.Currency).ToListAsync(cancellationToken);
}
