using Microsoft.EntityFrameworkCore;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>The ledger's invariants, checked against the database after every test.</summary>
public static class LedgerInvariants
{
    public static async Task AssertHoldAsync(PayoutServiceFixture fixture)
    {
        var violations = await fixture.QueryAsync(async db =>
        {
            var found = new List<string>();
            var total = await db.LedgerEntries.SumAsync(e => (decimal?)e.Amount) ?? 0m;
            if (total != 0) found.Add($"entries sum to {total}, not 0");

            var unbalanced = await db.LedgerEntries.GroupBy(e => e.TransactionId)
                .Where(g => g.Sum(e => e.Amount) != 0).Select(g => g.Key).ToListAsync();
            if (unbalanced.Count > 0) found.Add($"unbalanced transactions: {string.Join(", ", unbalanced)}");

            var drifted = await db.LedgerAccounts
                .Select(a => new { a.Id, a.Balance, Sum = db.LedgerEntries.Where(e => e.AccountId == a.Id).Sum(e => (decimal?)e.Amount) ?? 0m })
                .Where(a => a.Balance != a.Sum).ToListAsync();
            found.AddRange(drifted.Select(a => $"account {a.Id} balance {a.Balance} but entries sum to {a.Sum}"));

            var negative = await db.LedgerAccounts.Where(a => a.OwnerType != "platform" && a.Balance < 0).Select(a => a.Id).ToListAsync();
            if (negative.Count > 0) found.Add($"negative user accounts: {string.Join(", ", negative)}");

            // Money held is exactly what pending/processing payouts hold plus what bulk batches' holds still keep, per wallet.
            var held = await db.LedgerAccounts.Where(a => a.Kind == "held")
                .Select(a => new { a.OwnerType, a.OwnerId, a.Currency, a.Balance }).ToListAsync();
            var open = await db.Payouts.Where(p => p.Status == "pending" || p.Status == "processing")
                .Select(p => new { p.CompanyWallet, p.CompanyId, p.UserId, p.Currency, p.Amount }).ToListAsync();
            var batches = await db.BatchFundHolds.Where(h => h.Remaining != 0).Select(h => new { h.CompanyId, h.Currency, h.Remaining }).ToListAsync();
            var expected = open.Select(p => (Owner: p.CompanyWallet ? $"company:{p.CompanyId}" : $"user:{p.UserId}", p.Currency, p.Amount))
                .Concat(batches.Select(b => (Owner: $"company:{b.CompanyId}", b.Currency, Amount: b.Remaining)))
                .GroupBy(x => (x.Owner, x.Currency)).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount));
            foreach (var account in held)
            {
                var key = ($"{account.OwnerType}:{account.OwnerId}", account.Currency);
                if (account.Balance != expected.GetValueOrDefault(key))
                    found.Add($"{key} holds {account.Balance} but its open payouts and batch holds total {expected.GetValueOrDefault(key)}");
                expected.Remove(key);
            }

            found.AddRange(expected.Where(e => e.Value != 0).Select(e => $"{e.Key} has {e.Value} open but no held account"));
            return found;
        });
        Assert.True(violations.Count == 0, "Ledger invariants broken: " + string.Join("; ", violations));
    }
}

/// <summary>Base for tests: checks the ledger's invariants after each one.</summary>
public abstract class PayoutServiceTest(PayoutServiceFixture fixture) : IAsyncLifetime
{
    protected PayoutServiceFixture Fixture { get; } = fixture;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => LedgerInvariants.AssertHoldAsync(Fixture);
}
