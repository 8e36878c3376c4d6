using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Payouts.Testing;

namespace Payouts.SystemTests.Support;

/// <summary>A user with earnings and a verified US bank account, as the app API knows them; <see cref="AccountNumber"/> is the full number, for "never shown" checks.</summary>
public sealed record PayingUser(long Id, AuthenticationHeaderValue Token, long BankAccountId, string AccountNumber);

/// <summary>
/// A payout's way through the whole platform, by the public API: a user credited by an admin adds a bank account and
/// verifies it with the deposits settlement paid at the provider sandbox; the user requests a payout and an admin has
/// settlement pay it through the sandbox.
/// </summary>
public static class PayingUsers
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<PayingUser> NewAsync(RunningPlatform platform, GatewayClient gateway, AuthenticationHeaderValue admin, decimal earnings)
    {
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var token = platform.Tokens.User(id.ToString(CultureInfo.InvariantCulture));
        var created = await gateway.PostAsync("/api/admin/users", admin, new { id, email = $"u{id}@example.com", firstName = "Ada", lastName = "Payee", minimumPayout = "10" });
        Assert.True(created.Status == HttpStatusCode.Created, created.Raw);
        var credited = await gateway.PostAsync($"/api/admin/users/{id}/credits", admin,
            new { amount = earnings.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"EARN-{id}" }, $"earn-{id}");
        Assert.True(credited.Status == HttpStatusCode.Created, credited.Raw);

        var number = "7" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "31";
        var added = await gateway.PostAsync("/api/update/bank-account/", token,
            new { bank_name = "Wells Fargo", account_number = number, routing_number = "021000021", account_type = "checking", account_holder_name = "Ada Payee" });
        Assert.True(added.Status == HttpStatusCode.OK, added.Raw);
        var accountId = added.Body.GetProperty("bank_account_id").GetInt64();
        using var sandbox = new SandboxClient(platform);
        var deposits = await sandbox.MicroDepositsAsync(number, Patience);
        var verified = await gateway.PostAsync("/api/bank-accounts/verify/", token,
            new { bank_account_id = accountId, verification_amount_1 = SandboxClient.Amount(deposits[0]), verification_amount_2 = SandboxClient.Amount(deposits[1]) });
        Assert.True(verified.Status == HttpStatusCode.OK, verified.Raw);
        return new PayingUser(id, token, accountId, number);
    }

    /// <summary>Requests a payout to the user's account once PayoutService knows it as verified (eventual consistency); its uuid.</summary>
    public static async Task<string> RequestPayoutAsync(GatewayClient gateway, PayingUser user, decimal amount)
    {
        var reply = await Eventually.ValueAsync(async () =>
        {
            var attempt = await gateway.PostAsync("/api/action/payout/", user.Token,
                new { amount = amount.ToString(CultureInfo.InvariantCulture), method = "bank_transfer", bank_account_id = user.BankAccountId });
            var notYetKnown = attempt.Status == HttpStatusCode.BadRequest
                && (attempt.Body.GetProperty("error").GetString() is "bank_account_not_verified"
                    || (attempt.Body.TryGetProperty("field", out var field) && field.GetString() == "bank_account_id"));
            return notYetKnown ? null : attempt;
        }, "PayoutService to know the verified bank account", Patience);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Raw);
        return reply.Body.GetProperty("payout_uuid").GetString()!;
    }

    /// <summary>Has an admin process the payout without a reference (settlement pays it through the sandbox); the admin view once it left processing.</summary>
    public static async Task<JsonElement> ProcessThroughTheProviderAsync(GatewayClient gateway, AuthenticationHeaderValue admin, string payout)
    {
        var processed = await gateway.PostAsync($"/api/admin/payouts/{payout}/process", admin, new { notes = "paid through the provider" });
        Assert.True(processed.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, processed.Raw);
        // 202: settlement had not answered within the wait; the outcome arrives later through the saga.
        var final = await Eventually.ValueAsync(async () =>
        {
            var read = await gateway.GetAsync($"/api/admin/payouts/{payout}", admin);
            return read.Body.GetProperty("data").GetProperty("status").GetString() == "processing" ? null : read;
        }, "the payout to leave processing", Patience);
        return final.Body.GetProperty("data");
    }
}
