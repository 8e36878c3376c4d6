using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>Seed 000's Update Bank Account with the same number: the read model takes the new details and keeps the rest.</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class BankAccountDetailsChangeTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task Changed_details_reach_the_read_model_and_the_account_stays_verified_and_payable()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        var accountId = await Fixture.AddAsync(userId);
        var uuid = await Fixture.QueryAsync(db => db.BankAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Uuid).SingleAsync());

        await Fixture.Bus.Publish(new BankAccountDetailsChanged(accountId, uuid, userId.Text(), "Renamed Bank", "Jane Doe", "savings",
            DateTimeOffset.UtcNow));

        await Fixture.WaitForAccountAsync(accountId, a => a is { BankName: "Renamed Bank", AccountHolderName: "Jane Doe", AccountType: "savings", Verified: true, Known: true });
        using var client = Fixture.ClientFor(userId);
        var (response, body) = await client.RequestPayoutAsync(100m, accountId);
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        var (_, own) = await client.PostFormAsync("/api/get/payouts/");
        Assert.Equal("Renamed Bank", own["payouts"]![0]!["bank_account"]!["bank_name"].Str());
    }

    [Fact]
    public async Task An_older_change_arriving_late_does_not_undo_a_newer_one()
    {
        var userId = await Fixture.NewFundedUserAsync(0m);
        var accountId = await Fixture.AddAsync(userId);
        var uuid = await Fixture.QueryAsync(db => db.BankAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Uuid).SingleAsync());
        var now = DateTimeOffset.UtcNow;

        await Fixture.Bus.Publish(new BankAccountDetailsChanged(accountId, uuid, userId.Text(), "Newer Bank", "New Holder", "checking", now));
        await Fixture.WaitForAccountAsync(accountId, a => a is { BankName: "Newer Bank" });
        var late = Guid.NewGuid();
        await Fixture.Bus.Publish(new BankAccountDetailsChanged(accountId, uuid, userId.Text(), "Older Bank", "Old Holder", "savings", now.AddMinutes(-1)),
            context => context.MessageId = late);
        await Eventually.HoldsAsync(() => Fixture.QueryAsync(db => db.Set<Payouts.Messaging.Inbox.InboxState>().AnyAsync(i => i.MessageId == late)),
            "The late change's consumption", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        var account = await Fixture.QueryAsync(db => db.BankAccounts.AsNoTracking().SingleAsync(a => a.Id == accountId));
        Assert.Equal("Newer Bank", account.BankName);
        Assert.Equal("New Holder", account.AccountHolderName);
        Assert.Equal("checking", account.AccountType);
    }
}
