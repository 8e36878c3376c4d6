using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Contracts.BankAccounts;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>SendMicroDeposits: two ordinary transfers the account holder can read at the provider, then MicroDepositsSent.</summary>
[Collection(Infrastructure.Collection)]
public sealed class MicroDepositTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    [Fact]
    public async Task Both_deposits_reach_the_account_once_even_when_the_command_is_repeated()
    {
        var accountNumber = $"8{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var command = new SendMicroDeposits(Guid.NewGuid(), fixture.Bus.AddBankAccount(accountNumber), Guid.NewGuid(), "USD", 0.32m, 0.45m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);
        var sent = Assert.IsType<MicroDepositsSent>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(30)));
        await fixture.Bus.SendAsync(command);
        await WaitForAsync(() => fixture.Bus.OutcomesFor(command.VerificationId).Count == 2, "the repeated command's answer");

        Assert.Equal(command.BankAccountId, sent.BankAccountId);
        using var client = fixture.SandboxClient();
        var credits = await client.GetFromJsonAsync<JsonElement>($"/sandbox/credits?accountNumber={accountNumber}");
        var amounts = credits.GetProperty("data").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "completed")
            .Select(c => c.GetProperty("amount").GetDecimal()).Order().ToList();
        Assert.Equal([0.32m, 0.45m], amounts);
        Assert.Equal(before - 0.77m, await fixture.DebitAccountBalanceAsync());
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
