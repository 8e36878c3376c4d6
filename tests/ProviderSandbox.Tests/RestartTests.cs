using Payouts.ProviderSandbox.Tests.Support;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests;

/// <summary>The sandbox's state lives in its database: a restarted sandbox knows its transfers and balances.</summary>
[Collection(Infrastructure.Collection)]
public sealed class RestartTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Transfers_balances_and_idempotency_survive_a_restart()
    {
        var database = await infrastructure.CreateDatabaseAsync("sandbox_restart");
        var reference = SandboxClient.Reference();
        var body = SandboxClient.BankTransfer(reference, "1234567890", 250m);
        string id;

        await using (var before = new SandboxFactory(database))
        {
            using var client = before.CreateSandboxClient();
            id = (await client.CreateTransferAsync(body)).GetProperty("_id").GetString()!;
            Assert.Equal(SandboxFactory.OpeningBalance - 250m, await client.BalanceAsync(SandboxFactory.SettlementAccount));
        }

        await using var after = new SandboxFactory(database);
        using var restarted = after.CreateSandboxClient();
        Assert.Equal("completed", (await restarted.GetTransferAsync(id)).GetProperty("status").GetString());
        // The configured opening balance applies only to a new account, not again on every start.
        Assert.Equal(SandboxFactory.OpeningBalance - 250m, await restarted.BalanceAsync(SandboxFactory.SettlementAccount));
        var replay = await restarted.CreateTransferAsync(body, System.Net.HttpStatusCode.OK);
        Assert.Equal(id, replay.GetProperty("_id").GetString());
        Assert.Equal(SandboxFactory.OpeningBalance - 250m, await restarted.BalanceAsync(SandboxFactory.SettlementAccount));
    }
}
