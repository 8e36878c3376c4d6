using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Payouts.Testing;

namespace Payouts.SystemTests;

/// <summary>
/// Micro-deposit verification end to end on the whole platform: BankAccountService asks for two deposits, settlement
/// pays them through the provider sandbox, the user reads them on their "statement" (the sandbox's credits listing),
/// verifies, and the verified account is then paid a payout through the provider.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class MicroDepositVerificationThroughGatewayTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_user_verifies_with_the_deposits_the_sandbox_shows_and_the_account_is_then_paid_through_the_provider()
    {
        using var gateway = new GatewayClient(fixture.Platform);
        using var sandbox = new SandboxClient(fixture.Platform);
        var admin = fixture.Tokens.Admin("1");
        var userId = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var user = fixture.Tokens.User(userId.ToString(CultureInfo.InvariantCulture));
        var accountNumber = "6" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "17";
        var created = await gateway.PostAsync("/api/admin/users", admin,
            new { id = userId, email = $"md{userId}@example.com", firstName = "Grace", lastName = "Payee", minimumPayout = "10" });
        Assert.True(created.Status == HttpStatusCode.Created, created.Raw);

        var added = await gateway.PostAsync("/api/update/bank-account/", user, new
        {
            bank_name = "Wells Fargo", account_number = accountNumber, routing_number = "021000021", account_type = "checking", account_holder_name = "Grace Payee",
        });
        Assert.True(added.Status == HttpStatusCode.OK, added.Raw);
        var accountId = added.Body.GetProperty("bank_account_id").GetInt64();
        Assert.Equal("pending", added.Body.GetProperty("verification_status").GetString());

        // The user's statement: two completed credits to the account, paid by settlement through the provider.
        var deposits = await sandbox.MicroDepositsAsync(accountNumber, Patience);
        Assert.Equal(2, deposits.Count);
        Assert.All(deposits, d =>
        {
            Assert.Equal("USD", d.GetProperty("currency").GetString());
            Assert.InRange(d.GetProperty("amount").GetDecimal(), 0.01m, 0.99m);
        });
        var amounts = deposits.Select(SandboxClient.Amount).ToArray();

        var verified = await gateway.PostAsync("/api/bank-accounts/verify/", user,
            new { bank_account_id = accountId, verification_amount_1 = amounts[0], verification_amount_2 = amounts[1] });
        Assert.True(verified.Status == HttpStatusCode.OK, verified.Raw);
        var account = Assert.Single((await gateway.PostAsync("/api/bank-accounts/", user, new { })).Body.GetProperty("bank_accounts").EnumerateArray());
        Assert.True(account.GetProperty("verified").GetBoolean());
        Assert.Equal("verified", account.GetProperty("verification_status").GetString());

        // Funded by an admin, the user asks for a payout to the verified account; an admin processes it without a reference.
        var credited = await gateway.PostAsync($"/api/admin/users/{userId}/credits", admin,
            new { amount = "500", currency = "USD", reference = $"EARN-{userId}" }, idempotencyKey: $"md-earn-{userId}");
        Assert.True(credited.Status == HttpStatusCode.Created, credited.Raw);
        var payout = await RequestPayoutAsync(gateway, user, accountId, 120m);

        var processed = await gateway.PostAsync($"/api/admin/payouts/{payout}/process", admin, new { notes = "to the verified account" });
        Assert.True(processed.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, processed.Raw);
        var final = await Eventually.ValueAsync(async () =>
        {
            var read = await gateway.GetAsync($"/api/admin/payouts/{payout}", admin);
            return read.Body.GetProperty("data").GetProperty("status").GetString() == "processing" ? null : read;
        }, "the payout to leave processing", Patience);
        var data = final.Body.GetProperty("data");
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(380m, data.GetProperty("user").GetProperty("balance").GetDecimal());

        // The reference is the provider's transfer for this payout, and the account received exactly it.
        var transfer = await sandbox.TransferByReferenceAsync(payout);
        Assert.NotNull(transfer);
        Assert.Equal(transfer.Value.GetProperty("_id").GetString(), data.GetProperty("transactionReference").GetString());
        Assert.Equal("completed", transfer.Value.GetProperty("status").GetString());
        Assert.Equal(data.GetProperty("netAmount").GetDecimal(), transfer.Value.GetProperty("amount").GetDecimal());
        Assert.Equal(accountNumber, transfer.Value.GetProperty("beneficiaryAccountNumber").GetString());
        var statement = await sandbox.CreditsAsync(accountNumber);
        Assert.Equal(3, statement.Count(c => c.GetProperty("status").GetString() == "completed"));

        var balance = await gateway.PostAsync("/api/user/balance/", user, new { });
        Assert.Equal(380m, balance.Body.GetProperty("available_balance").GetDecimal());
        Assert.Equal(0m, balance.Body.GetProperty("pending_balance").GetDecimal());
    }

    /// <summary>Requests a payout, asking again while PayoutService has not yet heard that the account is verified.</summary>
    private static async Task<string> RequestPayoutAsync(GatewayClient gateway, AuthenticationHeaderValue user, long accountId, decimal amount)
    {
        var reply = await Eventually.ValueAsync(async () =>
        {
            var attempt = await gateway.PostAsync("/api/action/payout/", user,
                new { amount = amount.ToString(CultureInfo.InvariantCulture), method = "bank_transfer", bank_account_id = accountId });
            var notYetKnown = attempt.Status == HttpStatusCode.BadRequest
                && (attempt.Body.GetProperty("error").GetString() is "bank_account_not_verified"
                    || (attempt.Body.TryGetProperty("field", out var field) && field.GetString() == "bank_account_id"));
            return notYetKnown ? null : attempt;
        }, "PayoutService to know the verified bank account", Patience);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Raw);
        return reply.Body.GetProperty("payout_uuid").GetString()!;
    }
}
