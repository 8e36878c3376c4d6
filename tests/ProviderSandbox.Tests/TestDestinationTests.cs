using System.Net;
using Payouts.ProviderSandbox.Domain;
using Payouts.ProviderSandbox.Tests.Support;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests;

/// <summary>Each deterministic test destination (README "Test destinations") gives its documented outcome.</summary>
[Collection(Infrastructure.Collection)]
public sealed class TestDestinationTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_closed_account_fails_at_once_and_debits_nothing()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(100m);

        var transfer = await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), TestDestinations.ClosedAccountNumber, 30m, account));

        Assert.Equal("failed", transfer.GetProperty("status").GetString());
        Assert.Equal("account_closed", transfer.GetProperty("failureCode").GetString());
        Assert.Equal(100m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task A_closed_PayPal_email_fails_like_a_closed_account()
    {
        using var client = sandbox.Factory.CreateSandboxClient();

        var transfer = await client.CreateTransferAsync(new
        {
            rail = "paypal", debitAccountId = SandboxFactory.SettlementAccount, beneficiaryEmail = TestDestinations.ClosedEmail,
            amount = 5m, currency = "USD", paymentReference = SandboxClient.Reference(),
        });

        Assert.Equal(("failed", "account_closed"), (transfer.GetProperty("status").GetString(), transfer.GetProperty("failureCode").GetString()));
    }

    [Fact]
    public async Task A_fails_later_account_is_pending_then_fails_and_the_debit_comes_back()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(100m);

        var transfer = await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), TestDestinations.FailsAfterDelayAccountNumber, 30m, account));

        Assert.Equal("pending", transfer.GetProperty("status").GetString());
        Assert.Equal(70m, await client.BalanceAsync(account));
        var id = transfer.GetProperty("_id").GetString()!;
        var failed = await Eventually.MatchAsync(
            () => client.GetTransferAsync(id), t => t.GetProperty("status").GetString() != "pending",
            "the pending transfer's failure", SandboxFactory.DelayedFailureAfter + TimeSpan.FromSeconds(10));
        Assert.Equal(("failed", "beneficiary_bank_rejected"), (failed.GetProperty("status").GetString(), failed.GetProperty("failureCode").GetString()));
        Assert.Equal(100m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task A_times_out_account_outlasts_the_client_but_the_transfer_is_completed_and_found_by_reference()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        using var impatient = sandbox.Factory.CreateSandboxClient(timeout: TimeSpan.FromSeconds(1));
        var account = await client.OpenAccountAsync(100m);
        var reference = SandboxClient.Reference();
        var body = SandboxClient.BankTransfer(reference, TestDestinations.TimesOutAccountNumber, 30m, account);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.PostTransferAsync(body));

        var found = await client.FindByReferenceAsync(reference);
        Assert.Equal("completed", found?.GetProperty("status").GetString());
        Assert.Equal(70m, await client.BalanceAsync(account));
        // Asking again with the same reference (a client's retry) gets that transfer, not a second one.
        var retried = await client.CreateTransferAsync(body, HttpStatusCode.OK);
        Assert.Equal(found?.GetProperty("_id").GetString(), retried.GetProperty("_id").GetString());
        Assert.Equal(70m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task A_second_try_account_answers_500_recording_nothing_then_completes()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(100m);
        var reference = SandboxClient.Reference();
        var body = SandboxClient.BankTransfer(reference, TestDestinations.SecondTryAccountNumber, 30m, account);

        using (var first = await client.PostTransferAsync(body))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Null(await client.FindByReferenceAsync(reference));
        Assert.Equal(100m, await client.BalanceAsync(account));

        var second = await client.CreateTransferAsync(body);
        Assert.Equal("completed", second.GetProperty("status").GetString());
        Assert.Equal(70m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task A_second_try_Stripe_account_behaves_the_same()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var body = new
        {
            rail = "stripe", debitAccountId = SandboxFactory.SettlementAccount, beneficiaryConnectedAccountId = TestDestinations.SecondTryConnectedAccount,
            amount = 5m, currency = "USD", paymentReference = SandboxClient.Reference(),
        };

        using (var first = await client.PostTransferAsync(body))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Equal("completed", (await client.CreateTransferAsync(body)).GetProperty("status").GetString());
    }
}
