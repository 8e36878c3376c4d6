using System.Net;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

/// <summary>Micro-deposit verification through <c>/api/bank-accounts/verify/</c> with the amounts observed on the broker.</summary>
[Collection(Infrastructure.Collection)]
public sealed class VerificationTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string VerifyPath = "/api/bank-accounts/verify/";
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(infrastructure, "bank_account_verification");

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task The_deposited_amounts_in_either_order_verify_the_account_once()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (first, second) = await _service.MicroDepositAmountsAsync(id);

        var verified = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", second), ("verification_amount_2", first));

        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.Equal("success", verified.Text("status"));
        Assert.Equal("Bank account verified successfully", verified.Text("message"));
        var account = Assert.Single((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.True(account.GetProperty("verified").GetBoolean());
        Assert.Equal("verified", account.GetProperty("verification_status").GetString());

        var again = await client.PostJson(VerifyPath, new { bank_account_id = id, verification_amount_1 = first, verification_amount_2 = second });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("bank_account_already_verified", again.Text("error"));

        await _service.BarrierAsync();
        Assert.Equal(1, _service.Count<BankAccountVerified>(id));
        Assert.Equal(0, _service.Count<BankAccountVerificationFailed>(id));
        Assert.Equal(1, _service.Count<SendMicroDeposits>(id));
        var command = Assert.Single(_service.Bus.Of<SendMicroDeposits>(m => m.GetProperty("bankAccountId").GetInt64() == id));
        Assert.Equal("USD", command.Text("currency"));
        // On the broker (and in the outbox before it) the amounts are sealed for settlement, not readable.
        Assert.False(command.Message.TryGetProperty("amount1", out _));
        Assert.DoesNotContain(first, command.Message.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(second, command.Message.GetRawText(), StringComparison.Ordinal);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            new Payouts.Contracts.BankAccounts.MicroDepositSeal(new byte[32]).Unseal(command.Message.GetProperty("verificationId").GetGuid(), command.Text("sealedAmounts")!));
    }

    [Fact]
    public async Task Three_wrong_tries_lock_verification_and_the_right_amounts_no_longer_help()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        var wrong = first == "0.01" ? "0.02" : "0.01";

        var one = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", wrong), ("verification_amount_2", wrong));
        var two = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", wrong), ("verification_amount_2", wrong));
        var three = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", wrong), ("verification_amount_2", wrong));
        var right = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));

        Assert.Equal(HttpStatusCode.BadRequest, one.Status);
        Assert.Equal("verification_amounts_mismatch", one.Text("error"));
        Assert.Contains("2 attempts remaining", one.Text("message"));
        Assert.Contains("1 attempt remaining", two.Text("message"));
        Assert.Equal(HttpStatusCode.BadRequest, three.Status);
        Assert.Equal("verification_failed", three.Text("error"));
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal("verification_failed", right.Text("error"));
        var account = Assert.Single((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.False(account.GetProperty("verified").GetBoolean());
        Assert.Equal("verification_failed", account.GetProperty("verification_status").GetString());

        await _service.BarrierAsync();
        Assert.Equal(0, _service.Count<BankAccountVerified>(id));
        // The third wrong try ended the round: one event, not one per wrong try nor for the refusal after it.
        var failed = Assert.Single(_service.Bus.Of<BankAccountVerificationFailed>(m => m.GetProperty("bankAccountId").GetInt64() == id));
        Assert.Equal(("verification_failed", true), (failed.Text("status"), failed.Message.GetProperty("newDepositsAvailable").GetBoolean()));
        Assert.Equal(userId, failed.Text("userId"));
    }

    [Fact]
    public async Task Concurrent_wrong_tries_all_count()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (first, _) = await _service.MicroDepositAmountsAsync(id);
        var wrong = first == "0.01" ? "0.02" : "0.01";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", wrong), ("verification_amount_2", wrong))));

        Assert.Equal(2, responses.Count(r => r.Text("error") == "verification_amounts_mismatch"));
        Assert.Equal(2, responses.Count(r => r.Text("error") == "verification_failed"));
        await _service.BarrierAsync();
        Assert.Equal(1, _service.Count<BankAccountVerificationFailed>(id));
    }

    [Theory]
    [InlineData("verification_amount_1", "-0.32")]
    [InlineData("verification_amount_1", "0.325")]
    [InlineData("verification_amount_2", "1.50")]
    [InlineData("verification_amount_2", "0")]
    [InlineData("verification_amount_1", "abc")]
    [InlineData("verification_amount_2", "")]
    [InlineData("bank_account_id", "")]
    public async Task Malformed_amounts_and_missing_fields_are_400_and_count_no_attempt(string field, string value)
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        var fields = new Dictionary<string, string> { ["bank_account_id"] = id.ToString(), ["verification_amount_1"] = first, ["verification_amount_2"] = second };
        fields[field] = value;

        var response = await client.PostForm(VerifyPath, [.. fields.Select(f => (f.Key, f.Value))]);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("validation_error", response.Text("error"));
        Assert.Equal(field, response.Text("field"));

        // Nothing counted: three wrong tries are still needed to lock, and the right amounts still verify.
        var verified = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
        Assert.Equal(HttpStatusCode.OK, verified.Status);
    }

    [Fact]
    public async Task Unknown_ids_are_404_and_uuids_are_accepted_as_ids()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (first, second) = await _service.MicroDepositAmountsAsync(id);
        var uuid = Assert.Single((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray()).GetProperty("uuid").GetString()!;

        foreach (var unknown in new[] { "999999999", Guid.NewGuid().ToString(), "not-an-id" })
        {
            var response = await client.PostForm(VerifyPath, ("bank_account_id", unknown), ("verification_amount_1", first), ("verification_amount_2", second));
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("not_found", response.Text("error"));
        }

        var byUuid = await client.PostJson(VerifyPath, new { bank_account_id = uuid, verification_amount_1 = decimal.Parse(first, System.Globalization.CultureInfo.InvariantCulture), verification_amount_2 = second });
        Assert.Equal(HttpStatusCode.OK, byUuid.Status);
    }
}
