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

            // Money held for a payout is exactly what pending/processing payouts hold.
            var held = await db.LedgerAccounts.Where(a => a.Kind == "held").SumAsync(a => (decimal?)a.Balance) ?? 0m;
            var open = await db.Payouts.Where(p => p.Status == "pending" || p.Status == "processing").SumAsync(p => (decimal?)p.Amount) ?? 0m;
            if (held != open) found.Add($"held {held} but open payouts total {open}");
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
