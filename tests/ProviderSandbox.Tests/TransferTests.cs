using System.Net;
using System.Text.RegularExpressions;
using Payouts.ProviderSandbox.Tests.Support;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests;

/// <summary>Creating transfers: the ordinary path, insufficient funds, validation, API keys, the rails.</summary>
[Collection(Infrastructure.Collection)]
public sealed partial class TransferTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_transfer_completes_debits_the_settlement_account_and_is_found_by_id_and_reference()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(500m);
        var reference = SandboxClient.Reference();

        var created = await client.CreateTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 149.95m, account));

        var id = created.GetProperty("_id").GetString()!;
        Assert.Matches(HexId(), id);
        Assert.Equal("completed", created.GetProperty("status").GetString());
        Assert.Equal(149.95m, created.GetProperty("amount").GetDecimal());
        Assert.Equal("011", created.GetProperty("beneficiaryBankCode").GetString());
        Assert.Equal("1234567890", created.GetProperty("beneficiaryAccountNumber").GetString());
        Assert.Equal(reference, created.GetProperty("paymentReference").GetString());
        Assert.Equal(account, created.GetProperty("debitAccountId").GetString());
        Assert.Equal(350.05m, await client.BalanceAsync(account));

        var byId = await client.GetTransferAsync(id);
        Assert.Equal(reference, byId.GetProperty("paymentReference").GetString());
        var byReference = await client.FindByReferenceAsync(reference);
        Assert.Equal(id, byReference?.GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Insufficient_funds_is_refused_and_records_nothing()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(10m);
        var reference = SandboxClient.Reference();

        using var response = await client.PostTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 10.01m, account));

        var json = await SandboxClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(json.GetProperty("success").GetBoolean());
        Assert.Equal("insufficient_funds", json.GetProperty("code").GetString());
        Assert.Null(await client.FindByReferenceAsync(reference));
        Assert.Equal(10m, await client.BalanceAsync(account));
    }

    [Fact]
    public async Task An_unknown_debit_account_is_refused()
    {
        using var client = sandbox.Factory.CreateSandboxClient();

        using var response = await client.PostTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), "1234567890", 1m, "NO-SUCH-ACCOUNT"));

        var json = await SandboxClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("debit_account_not_found", json.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_invalid_request_names_each_bad_field()
    {
        using var client = sandbox.Factory.CreateSandboxClient();

        using var response = await client.PostTransferAsync(new
        {
            debitAccountId = SandboxFactory.SettlementAccount,
            beneficiaryBankCode = "011",
            beneficiaryAccountNumber = "12ab",
            amount = -5m,
            currency = "usd",
            paymentReference = "",
        });

        var json = await SandboxClient.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_error", json.GetProperty("code").GetString());
        var errors = json.GetProperty("errors");
        foreach (var field in new[] { "beneficiaryAccountNumber", "amount", "currency", "paymentReference" })
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {json}");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(SandboxFactory.ApiKey, HttpStatusCode.OK)]
    public async Task The_API_needs_a_configured_key(string? key, HttpStatusCode expected)
    {
        using var http = sandbox.Factory.CreateClient();
        if (key is not null) http.DefaultRequestHeaders.Add("X-Api-Key", key);

        using var response = await http.GetAsync($"/accounts/{SandboxFactory.SettlementAccount}");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            var json = await SandboxClient.ReadAsync(response);
            Assert.Equal("unauthorized", json.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task Creating_a_transfer_without_a_key_records_nothing()
    {
        using var http = sandbox.Factory.CreateClient();
        using var client = sandbox.Factory.CreateSandboxClient();
        var reference = SandboxClient.Reference();

        using var response = await new SandboxClient(http).PostTransferAsync(SandboxClient.BankTransfer(reference, "1234567890", 1m));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(await client.FindByReferenceAsync(reference));
    }

    [Fact]
    public async Task PayPal_pays_by_email_and_Stripe_by_connected_account()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var account = await client.OpenAccountAsync(100m);
        var email = $"Payee-{Guid.NewGuid():N}@Example.com";
        var connected = $"acct_{Guid.NewGuid():N}";

        var paypal = await client.CreateTransferAsync(new
        {
            rail = "paypal", debitAccountId = account, beneficiaryEmail = email, amount = 20m, currency = "USD",
            narration = "PayPal payout", paymentReference = SandboxClient.Reference(),
        });
        var stripe = await client.CreateTransferAsync(new
        {
            rail = "stripe", debitAccountId = account, beneficiaryConnectedAccountId = connected, amount = 30m, currency = "USD",
            narration = "Stripe payout", paymentReference = SandboxClient.Reference(),
        });

        Assert.Equal(("paypal", "completed", email), (paypal.GetProperty("rail").GetString(), paypal.GetProperty("status").GetString(), paypal.GetProperty("beneficiaryEmail").GetString()));
        Assert.False(paypal.TryGetProperty("beneficiaryAccountNumber", out _));
        Assert.Equal(("stripe", "completed", connected), (stripe.GetProperty("rail").GetString(), stripe.GetProperty("status").GetString(), stripe.GetProperty("beneficiaryConnectedAccountId").GetString()));
        Assert.Equal(50m, await client.BalanceAsync(account));

        // The payee looks up by email in any case; the connected account by its id.
        using var byEmail = await client.Http.GetAsync($"/sandbox/credits?email={Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(paypal.GetProperty("_id").GetString(), (await SandboxClient.ReadAsync(byEmail)).GetProperty("data")[0].GetProperty("_id").GetString());
        using var byConnected = await client.Http.GetAsync($"/sandbox/credits?connectedAccountId={connected}");
        Assert.Equal(stripe.GetProperty("_id").GetString(), (await SandboxClient.ReadAsync(byConnected)).GetProperty("data")[0].GetProperty("_id").GetString());
    }

    [Fact]
    public async Task Micro_deposits_are_listed_as_credits_to_the_account_number()
    {
        using var client = sandbox.Factory.CreateSandboxClient();
        var accountNumber = $"7{Random.Shared.NextInt64(100_000_000, 999_999_999)}";
        await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), accountNumber, 0.32m));
        await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), accountNumber, 0.45m));
        await client.CreateTransferAsync(SandboxClient.BankTransfer(SandboxClient.Reference(), "1234567890", 0.99m));

        using var response = await client.Http.GetAsync($"/sandbox/credits?accountNumber={accountNumber}&bankCode=011");

        var credits = (await SandboxClient.ReadAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([0.32m, 0.45m], credits.Select(c => c.GetProperty("amount").GetDecimal()).Order());
        Assert.All(credits, c => Assert.Equal("completed", c.GetProperty("status").GetString()));
        Assert.All(credits, c => Assert.Equal(accountNumber, c.GetProperty("beneficiaryAccountNumber").GetString()));
    }

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex HexId();
}
