using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Payouts.Contracts.BankAccounts;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ProviderSandbox.Domain;
using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>
/// SendMicroDeposits: two ordinary transfers the account holder can read at the provider, then MicroDepositsSent; or,
/// when they cannot be paid, MicroDepositsFailed — once per verification, and again for a repeated command.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class MicroDepositTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    [Fact]
    public async Task Both_deposits_reach_the_account_once_even_when_the_command_is_repeated()
    {
        var accountNumber = $"8{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var command = Deposits(fixture.Bus.AddBankAccount(accountNumber), "USD", 0.32m, 0.45m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);
        var sent = Assert.IsType<MicroDepositsSent>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(30)));
        await fixture.Bus.SendAsync(command);
        await Eventually.HoldsAsync(() => fixture.Bus.OutcomesFor(command.VerificationId).Count == 2, "the repeated command's answer");

        Assert.Equal(command.BankAccountId, sent.BankAccountId);
        using var client = fixture.SandboxClient();
        var credits = await client.GetFromJsonAsync<JsonElement>($"/sandbox/credits?accountNumber={accountNumber}");
        var amounts = credits.GetProperty("data").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "completed")
            .Select(c => c.GetProperty("amount").GetDecimal()).Order().ToList();
        Assert.Equal([0.32m, 0.45m], amounts);
        Assert.Equal(before - 0.77m, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_refusal_caused_by_our_settlement_account_does_not_fail_the_verification_and_is_paid_once_the_account_is_funded()
    {
        // The sandbox's settlement account holds no CHF, so the provider refuses with debit_account_not_found: ours to fix, not the holder's.
        var accountNumber = $"8{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        var command = Deposits(fixture.Bus.AddBankAccount(accountNumber), "CHF", 0.21m, 0.34m);

        await fixture.Bus.SendAsync(command);
        // Time for the first attempts (before this rule they failed the verification within a second).
        await Task.Delay(TimeSpan.FromSeconds(3));
        await AssertOutcomeCountStaysAsync(command.VerificationId, 0);
        Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 1)));

        using var sandbox = fixture.SandboxClient();
        var funded = await sandbox.PutAsJsonAsync($"/sandbox/admin/accounts/{SandboxHost.DebitAccount}/balances/CHF", new { balance = 100m });
        Assert.True(funded.IsSuccessStatusCode, await funded.Content.ReadAsStringAsync());

        // The retried message pays both deposits with the same references.
        Assert.IsType<MicroDepositsSent>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(90)));
        Assert.Equal("completed", Assert.Single(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 1))).GetProperty("status").GetString());
        Assert.Equal("completed", Assert.Single(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 2))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_closed_account_fails_the_verification_once_and_the_second_deposit_is_not_sent()
    {
        var command = Deposits(fixture.Bus.AddBankAccount(TestDestinations.ClosedAccountNumber), "USD", 0.11m, 0.12m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<MicroDepositsFailed>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(30)));
        Assert.Equal((command.BankAccountId, "account_closed"), (failed.BankAccountId, failed.Code));
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        await AssertOutcomeCountStaysAsync(command.VerificationId, 1);

        await fixture.Bus.SendAsync(command);
        await Eventually.HoldsAsync(() => fixture.Bus.OutcomesFor(command.VerificationId).Count == 2, "the repeated command's answer");
        var again = Assert.IsType<MicroDepositsFailed>(fixture.Bus.OutcomesFor(command.VerificationId)[1]);
        Assert.Equal((failed.Code, failed.Reason), (again.Code, again.Reason));
        await AssertOutcomeCountStaysAsync(command.VerificationId, 2);

        Assert.Equal("failed", Assert.Single(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 1))).GetProperty("status").GetString());
        Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 2)));
        Assert.Equal(before, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task A_destination_that_cannot_be_paid_fails_the_verification_without_a_provider_call()
    {
        // Never registered with the stand-in BankAccountService: answered as deleted, not payable.
        var command = Deposits(Random.Shared.NextInt64(1, long.MaxValue), "USD", 0.21m, 0.22m);

        await fixture.Bus.SendAsync(command);

        var failed = Assert.IsType<MicroDepositsFailed>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(30)));
        Assert.Equal("destination_not_payable", failed.Code);
        Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 1)));
        Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 2)));

        // A repeated command is answered from the record, without asking BankAccountService again.
        await fixture.Bus.SendAsync(command);
        await Eventually.HoldsAsync(() => fixture.Bus.OutcomesFor(command.VerificationId).Count == 2, "the repeated command's answer");
        Assert.Equal("destination_not_payable", Assert.IsType<MicroDepositsFailed>(fixture.Bus.OutcomesFor(command.VerificationId)[1]).Code);
        Assert.Equal(1, fixture.Bus.DestinationRequestsFor(command.VerificationId));
    }

    [Fact]
    public async Task A_deposit_the_bank_rejects_later_fails_the_verification_once_the_provider_says_so()
    {
        var command = Deposits(fixture.Bus.AddBankAccount(TestDestinations.FailsAfterDelayAccountNumber), "USD", 0.13m, 0.14m);
        var before = await fixture.DebitAccountBalanceAsync();

        await fixture.Bus.SendAsync(command);

        // Pending at the provider: the command is retried with the same references until the provider fails it.
        var failed = Assert.IsType<MicroDepositsFailed>(await fixture.Bus.WaitForOutcomeAsync(command.VerificationId, TimeSpan.FromSeconds(90)));
        Assert.Equal("beneficiary_bank_rejected", failed.Code);
        await AssertOutcomeCountStaysAsync(command.VerificationId, 1);
        Assert.Single(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 1)));
        Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(command.VerificationId, 2)));
        Assert.Equal(before, await fixture.DebitAccountBalanceAsync());
    }

    [Fact]
    public async Task Amounts_sealed_with_another_key_are_never_paid_and_the_command_shows_in_the_report()
    {
        var foreign = new MicroDepositSeal(RandomNumberGenerator.GetBytes(32));
        var verificationId = Guid.NewGuid();
        var command = new SendMicroDeposits(verificationId, fixture.Bus.AddBankAccount("9934567890"), Guid.NewGuid(), "USD",
            foreign.Seal(verificationId, 0.41m, 0.42m));
        // Sealed by our key, but for another verification: bound to its id, it does not open either.
        var movedId = Guid.NewGuid();
        var moved = command with { VerificationId = movedId, SealedAmounts = Deposits(1, "USD", 0.41m, 0.42m).SealedAmounts };

        await fixture.Bus.SendAsync(command);
        await fixture.Bus.SendAsync(moved);

        using var admin = fixture.ApiClient();
        await Eventually.HoldsAsync(async () =>
        {
            var report = await admin.GetFromJsonAsync<JsonElement>("/api/admin/settlement/reconciliation");
            var faulted = report.GetProperty("data").GetProperty("faults").EnumerateArray().Select(f => f.GetProperty("subjectId").GetGuid()).ToHashSet();
            return faulted.Contains(verificationId) && faulted.Contains(movedId);
        }, "both commands in the report", TimeSpan.FromSeconds(60));
        foreach (var id in new[] { verificationId, movedId })
        {
            Assert.Empty(fixture.Bus.OutcomesFor(id));
            Assert.Empty(await fixture.ProviderTransfersAsync(MicroDeposit.ReferenceFor(id, 1)));
        }
    }

    /// <summary>A command as BankAccountService sends it: the amounts sealed with the key the platform's services share.</summary>
    private SendMicroDeposits Deposits(long bankAccountId, string currency, decimal amount1, decimal amount2)
    {
        var verificationId = Guid.NewGuid();
        var seal = fixture.Settlement.Services.GetRequiredService<MicroDepositSeal>();
        return new SendMicroDeposits(verificationId, bankAccountId, Guid.NewGuid(), currency, seal.Seal(verificationId, amount1, amount2));
    }

    private async Task AssertOutcomeCountStaysAsync(Guid verificationId, int count)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(count, fixture.Bus.OutcomesFor(verificationId).Count);
    }
}
