using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>Plays BankAccountService: publishes its events on the real bus and waits for the read model to apply them.</summary>
public static class BankAccounts
{
    private static long _nextId = 5_000_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 100;

    public static async Task<long> AddAsync(this PayoutServiceFixture fixture, long userId, bool verified = true, string currency = "USD",
        string country = "US")
    {
        var id = Interlocked.Increment(ref _nextId);
        await fixture.Bus.Publish(new BankAccountAdded(id, Guid.NewGuid(), userId.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            "Chase Bank", "****1234", "checking", currency, country, IsPrimary: true, Verified: verified, DateTimeOffset.UtcNow, "bank_transfer"));
        await fixture.WaitForAccountAsync(id, a => a.Known);
        return id;
    }

    public static Task WaitForAccountAsync(this PayoutServiceFixture fixture, long id, Func<Payouts.PayoutService.Domain.BankAccountView, bool> condition) =>
        Eventually.MatchAsync(() => fixture.QueryAsync(db => db.BankAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id)),
            account => account is not null && condition(account), $"bank account {id} to reach the expected state",
            TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
}
