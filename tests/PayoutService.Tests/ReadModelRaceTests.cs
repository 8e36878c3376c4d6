using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// BankAccountService's events about one account can be consumed at the same moment (two endpoints, or one endpoint
/// with several messages in flight). When both find no row, both insert it: the loser must be retried from the
/// database, not dead-lettered, or the read model is left missing a fact for good.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class ReadModelRaceTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private const int Rounds = 30;
    private static long _nextId = 8_000_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 100;

    [Fact]
    public async Task Added_and_verified_published_together_leave_every_account_known_and_verified()
    {
        var userId = PayoutServiceFixture.NewUserId().Text();
        var ids = Enumerable.Range(0, Rounds).Select(_ => Interlocked.Increment(ref _nextId)).ToList();

        await Task.WhenAll(ids.SelectMany(id =>
        {
            var uuid = Guid.NewGuid();
            return new[]
            {
                Fixture.Bus.Publish(new BankAccountAdded(id, uuid, userId, null, "Chase Bank", "****1234", "checking", "USD", "US",
                    IsPrimary: false, Verified: false, DateTimeOffset.UtcNow, "bank_transfer")),
                Fixture.Bus.Publish(new BankAccountVerified(id, uuid, userId, DateTimeOffset.UtcNow)),
            };
        }));

        foreach (var id in ids) await Fixture.WaitForAccountAsync(id, a => a.Known && a.Verified && a.BankName == "Chase Bank");
    }

    [Fact]
    public async Task Details_added_and_removed_together_leave_every_destination_removed()
    {
        var userId = PayoutServiceFixture.NewUserId().Text();
        var ids = Enumerable.Range(0, Rounds).Select(_ => Interlocked.Increment(ref _nextId)).ToList();

        // Two consumers (bank-account events and beneficiary events) race to create the same row.
        await Task.WhenAll(ids.SelectMany(id => new[]
        {
            Fixture.Bus.Publish(new BeneficiaryDetailsAdded(id, id + 1, userId, null, "Access Bank", "****9876", "USD", "NG", DateTimeOffset.UtcNow,
                "bank_transfer")),
            Fixture.Bus.Publish(new BeneficiaryDetailsRemoved(id, id + 1, userId, DateTimeOffset.UtcNow)),
        }));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var settled = await Fixture.QueryAsync(db => db.BeneficiaryDestinations.AsNoTracking()
                .CountAsync(d => ids.Contains(d.Id) && d.Removed && d.BankName == "Access Bank"));
            if (settled == Rounds) break;
            Assert.True(DateTime.UtcNow < deadline, $"Only {settled} of {Rounds} destinations ended removed with their details.");
            await Task.Delay(100);
        }
    }
}
