using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Data;

/// <summary>
/// Applies <see cref="LedgerPosting"/>s: creates missing accounts, row-locks the users' and companies' ones, checks
/// balances, writes entries. Platform accounts (funding, fees) are never checked, so their rows are not locked here:
/// their balance changes are applied as the transaction's last statements (<see cref="PlatformBalanceInterceptor"/>).
/// </summary>
public sealed class LedgerStore(PayoutsDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds the posting to the context (the caller saves and commits it with whatever caused it). Must run inside a
    /// transaction: the owners' accounts stay locked (<c>FOR UPDATE</c>, in id order so postings never deadlock) until
    /// commit, which is what keeps concurrent holds on one balance from both passing the check.
    /// </summary>
    /// <exception cref="InsufficientFundsException">A non-negative account would go below zero.</exception>
    public async Task<LedgerTransaction> PostAsync(LedgerPosting posting, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ledger postings run inside a transaction.");
        if (posting.Legs.Sum(l => l.Amount) != 0)
            throw new InvalidOperationException("A ledger posting must balance.");

        var accounts = await LockAccountsAsync(posting.Legs.Select(l => l.Account).Distinct().ToArray(), cancellationToken);
        // Checked before any balance changes, so a refused posting leaves the (still locked) accounts as they were and a
        // caller that goes on in the same transaction (a consumer answering "refused") saves nothing of it.
        if (posting.NonNegative.Any(key => accounts[key].Balance + posting.Legs.Where(l => l.Account == key).Sum(l => l.Amount) < 0))
            throw new InsufficientFundsException();

        var now = clock.GetUtcNow();
        var transaction = new LedgerTransaction
        {
            Type = posting.Type, Currency = posting.Currency, Reference = posting.Reference, PayoutId = posting.PayoutId, CreatedAt = now,
        };
        foreach (var (key, amount) in posting.Legs)
        {
            var account = accounts[key];
            if (IsPlatform(key))
            {
                db.PlatformBalanceChanges.Add(account.Id, amount, now);
            }
            else
            {
                account.Balance += amount;
                account.UpdatedAt = now;
            }
            transaction.Entries.Add(new LedgerEntry { AccountId = account.Id, Amount = amount });
        }

        db.LedgerTransactions.Add(transaction);
        return transaction;
    }

    /// <summary>Balances of a user's accounts in one currency, without locking (reads).</summary>
    public Task<IReadOnlyDictionary<string, decimal>> UserBalancesAsync(long userId, string currency, CancellationToken cancellationToken) =>
        BalancesAsync(WalletOwner.ForUser(userId), currency, cancellationToken);

    /// <summary>Balances of a user's or company's accounts in one currency, without locking (reads).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> BalancesAsync(WalletOwner wallet, string currency, CancellationToken cancellationToken) =>
        await AccountsOf(wallet).Where(a => a.Currency == currency).ToDictionaryAsync(a => a.Kind, a => a.Balance, cancellationToken);

    /// <summary>A user's or company's wallet in each currency it has accounts in (by currency code), without locking (reads).</summary>
    public async Task<IReadOnlyList<WalletBalance>> WalletBalancesAsync(WalletOwner wallet, CancellationToken cancellationToken)
    {
        var accounts = await AccountsOf(wallet).Where(a => a.Kind == LedgerAccountKind.Available || a.Kind == LedgerAccountKind.Held)
            .ToListAsync(cancellationToken);
        return [.. accounts.GroupBy(a => a.Currency).OrderBy(currency => currency.Key, StringComparer.Ordinal)
            .Select(currency => WalletBalance.Of(currency.Key, currency.ToDictionary(a => a.Kind, a => a.Balance)))];
    }

    private IQueryable<LedgerAccount> AccountsOf(WalletOwner wallet) =>
        db.LedgerAccounts.AsNoTracking().Where(a => a.OwnerType == wallet.OwnerType && a.OwnerId == wallet.OwnerId);

    private async Task<Dictionary<AccountKey, LedgerAccount>> LockAccountsAsync(AccountKey[] keys, CancellationToken cancellationToken)
    {
        // Accounts usually exist already: find them in one round trip per kind, and create only when some are missing.
        var locked = await FindExistingAsync(keys, cancellationToken);
        if (locked.Count < keys.Length)
        {
            // In a fixed order, so two postings creating the same accounts do not wait on each other's inserts crosswise.
            var missing = keys.Where(k => !locked.Any(a => a.OwnerType == k.OwnerType && a.OwnerId == k.OwnerId && a.Kind == k.Kind && a.Currency == k.Currency))
                .OrderBy(k => k.OwnerType, StringComparer.Ordinal).ThenBy(k => k.OwnerId, StringComparer.Ordinal)
                .ThenBy(k => k.Kind, StringComparer.Ordinal).ThenBy(k => k.Currency, StringComparer.Ordinal).ToArray();
            var (types, owners, kinds, currencies) = Columns(missing);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ledger_accounts (owner_type, owner_id, kind, currency, balance, updated_at)
                SELECT k.t, k.o, k.kd, k.c, 0, now() FROM unnest({types}, {owners}, {kinds}, {currencies}) WITH ORDINALITY AS k(t, o, kd, c, n)
                ORDER BY k.n
                ON CONFLICT (owner_type, owner_id, kind, currency) DO NOTHING
                """, cancellationToken);
            locked = await FindExistingAsync(keys, cancellationToken);
        }

        return locked.ToDictionary(a => new AccountKey(a.OwnerType, a.OwnerId, a.Kind, a.Currency));
    }

    /// <summary>The owners' accounts locked and tracked; the platform's read without either (their balances change at commit).</summary>
    private async Task<List<LedgerAccount>> FindExistingAsync(AccountKey[] keys, CancellationToken cancellationToken)
    {
        var owned = keys.Where(k => !IsPlatform(k)).ToArray();
        var platform = keys.Where(IsPlatform).ToArray();
        var accounts = owned.Length == 0 ? [] : await LockExistingAsync(owned, cancellationToken);
        if (platform.Length > 0)
        {
            var (types, owners, kinds, currencies) = Columns(platform);
            accounts.AddRange(await db.LedgerAccounts.FromSql($"""
                SELECT a.* FROM ledger_accounts a
                JOIN unnest({types}, {owners}, {kinds}, {currencies}) AS k(t, o, kd, c)
                  ON a.owner_type = k.t AND a.owner_id = k.o AND a.kind = k.kd AND a.currency = k.c
                """).AsNoTracking().ToListAsync(cancellationToken));
        }
        return accounts;
    }

    private static bool IsPlatform(AccountKey key) => key.OwnerType == LedgerOwnerType.Platform;

    private Task<List<LedgerAccount>> LockExistingAsync(AccountKey[] keys, CancellationToken cancellationToken)
    {
        var (types, owners, kinds, currencies) = Columns(keys);
        // ORDER BY before FOR UPDATE: PostgreSQL locks in id order, so two postings on the same accounts queue, never deadlock.
        return db.LedgerAccounts.FromSql($"""
            SELECT a.* FROM ledger_accounts a
            JOIN unnest({types}, {owners}, {kinds}, {currencies}) AS k(t, o, kd, c)
              ON a.owner_type = k.t AND a.owner_id = k.o AND a.kind = k.kd AND a.currency = k.c
            ORDER BY a.id
            FOR UPDATE OF a
            """).AsTracking().ToListAsync(cancellationToken);
    }

    private static (string[] Types, string[] Owners, string[] Kinds, string[] Currencies) Columns(AccountKey[] keys) =>
        (keys.Select(k => k.OwnerType).ToArray(), keys.Select(k => k.OwnerId).ToArray(), keys.Select(k => k.Kind).ToArray(),
            keys.Select(k => k.Currency).ToArray());
}

/// <summary>A posting would take an available (or held) balance below zero.</summary>
public sealed class InsufficientFundsException() : Exception("Insufficient balance for payout request");
