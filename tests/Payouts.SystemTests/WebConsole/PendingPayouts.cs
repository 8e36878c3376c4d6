using System.Globalization;
using System.Net.Http.Headers;
using Payouts.Testing;

namespace Payouts.SystemTests.WebConsole;

/// <summary>A payout a user requested, waiting for an admin: its id and the reference the queue shows.</summary>
public sealed record PendingPayout(string Id, string Reference);

/// <summary>
/// Pending payouts the way seed 004 makes them, through the gateway: an admin creates a user and credits earnings, the
/// user adds a US bank account and verifies it with the micro-deposits the sandbox received, then requests payouts; or
/// the user pays a beneficiary (seed 002).
/// </summary>
public static class PendingPayouts
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>One new user with <paramref name="earnings"/> USD who requests a payout of each amount, in order.</summary>
    public static async Task<IReadOnlyList<PendingPayout>> RequestAsync(RunningPlatform platform, decimal earnings, params decimal[] amounts)
    {
        using var gateway = new GatewayClient(platform);
        var admin = platform.Tokens.Admin("1");
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var user = platform.Tokens.User(id.ToString(CultureInfo.InvariantCulture));

        var created = await gateway.PostAsync("/api/admin/users", admin, new { id, email = $"u{id}@example.com", firstName = "Ada", lastName = "Payee", minimumPayout = "10" });
        Assert.True(created.IsOk, created.Raw);
        var credited = await gateway.PostAsync($"/api/admin/users/{id}/credits", admin,
            new { amount = earnings.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"EARN-{id}" }, $"earn-{id}");
        Assert.True(credited.IsOk, credited.Raw);

        var number = "7" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "31";
        var added = await gateway.PostAsync("/api/update/bank-account/", user,
            new { bank_name = "Wells Fargo", account_number = number, routing_number = "021000021", account_type = "checking", account_holder_name = "Ada Payee" });
        Assert.True(added.IsOk, added.Raw);
        var accountId = added.Body.GetProperty("bank_account_id").GetInt64();
        using var sandbox = new SandboxClient(platform);
        var deposits = await sandbox.MicroDepositsAsync(number, Patience);
        var verified = await gateway.PostAsync("/api/bank-accounts/verify/", user,
            new { bank_account_id = accountId, verification_amount_1 = SandboxClient.Amount(deposits[0]), verification_amount_2 = SandboxClient.Amount(deposits[1]) });
        Assert.True(verified.IsOk, verified.Raw);

        var payouts = new List<PendingPayout>();
        foreach (var amount in amounts) payouts.Add(await RequestOneAsync(gateway, user, accountId, amount));
        return payouts;
    }

    /// <summary>
    /// One new user with <paramref name="earnings"/> USD who requests one seed 002 simple payout of <paramref name="amount"/>
    /// to a beneficiary's US account <paramref name="accountNumber"/> (no micro-deposits: a beneficiary is not verified),
    /// e.g. one of the provider sandbox's test destinations.
    /// </summary>
    public static async Task<PendingPayout> RequestToBeneficiaryAsync(RunningPlatform platform, decimal earnings, string accountNumber, decimal amount)
    {
        using var gateway = new GatewayClient(platform);
        var admin = platform.Tokens.Admin("1");
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var user = platform.Tokens.User(id.ToString(CultureInfo.InvariantCulture));

        var created = await gateway.PostAsync("/api/admin/users", admin, new { id, email = $"b{id}@example.com", firstName = "Ada", lastName = "Payee", minimumPayout = "10" });
        Assert.True(created.IsOk, created.Raw);
        var credited = await gateway.PostAsync($"/api/admin/users/{id}/credits", admin,
            new { amount = earnings.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"EARN-{id}" }, $"earn-{id}");
        Assert.True(credited.IsOk, credited.Raw);
        var beneficiary = await gateway.PostAsync("/beneficiaries", user,
            new { recipient_type = "individual", customer_name = "Ada Payee", customer_email = $"b{id}@example.com", country = "US" });
        Assert.True(beneficiary.IsOk, beneficiary.Raw);
        var beneficiaryId = beneficiary.Body.GetProperty("data").GetProperty("id").GetInt64();
        var details = await gateway.PostAsync($"/beneficiaries/{beneficiaryId}/details", user,
            new { bank_name = "Chase", account_number = accountNumber, routing_number = "021000021", country = "US", currency = "USD" });
        Assert.True(details.IsOk, details.Raw);
        var detailsId = details.Body.GetProperty("data").GetProperty("beneficiary_details_id").GetInt64();

        var reply = await Eventually.ValueAsync(async () =>
        {
            var attempt = await gateway.PostAsync("/payout/simple", user,
                new { beneficiary_id = beneficiaryId, beneficiary_details_id = detailsId, amount = amount.ToString(CultureInfo.InvariantCulture) }, $"simple-{id}");
            return attempt.Status == System.Net.HttpStatusCode.NotFound ? null : attempt;
        }, "PayoutService to know the beneficiary's details", Patience);
        Assert.True(reply.IsOk, reply.Raw);
        var payoutId = reply.Body.GetProperty("data").GetProperty("payout_id").GetString()!;
        var payout = await gateway.GetAsync($"/api/admin/payouts/{payoutId}", admin);
        Assert.True(payout.IsOk, payout.Raw);
        return new PendingPayout(payoutId, payout.Body.GetProperty("data").GetProperty("reference").GetString()!);
    }

    /// <summary>Retries while PayoutService has not yet received the account's events (eventual consistency).</summary>
    private static async Task<PendingPayout> RequestOneAsync(GatewayClient gateway, AuthenticationHeaderValue user, long accountId, decimal amount)
    {
        var reply = await Eventually.ValueAsync(async () =>
        {
            var attempt = await gateway.PostAsync("/api/action/payout/", user,
                new { amount = amount.ToString(CultureInfo.InvariantCulture), method = "bank_transfer", bank_account_id = accountId });
            var notYetKnown = attempt.Status == System.Net.HttpStatusCode.BadRequest
                && (attempt.Body.GetProperty("error").GetString() is "bank_account_not_verified"
                    || (attempt.Body.TryGetProperty("field", out var field) && field.GetString() == "bank_account_id"));
            return notYetKnown ? null : attempt;
        }, "PayoutService to know the verified bank account", Patience);
        Assert.True(reply.IsOk, reply.Raw);
        return new PendingPayout(reply.Body.GetProperty("payout_uuid").GetString()!, reply.Body.GetProperty("reference").GetString()!);
    }
}
