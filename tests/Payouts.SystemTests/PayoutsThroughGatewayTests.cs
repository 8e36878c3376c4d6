using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Payouts.Testing;

namespace Payouts.SystemTests;

/// <summary>
/// Seed 004's testing notes, one by one, through the gateway on the whole platform: a user with earnings (admin credit)
/// and a bank account added and verified in BankAccountService requests payouts that an admin processes or rejects.
/// </summary>
[Collection(SharedPlatformCollection.Name)]
public sealed class PayoutsThroughGatewayTests(PlatformFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Processing_a_pending_payout_with_a_reference_deducts_the_balance_creates_a_transaction_and_cannot_repeat()
    {
        var user = await NewPayingUserAsync(1000m);
        var payout = await RequestPayoutAsync(user, 100m);

        var before = await SendAsync(HttpMethod.Get, $"/api/admin/payouts/{payout}", Admin());
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(900m, before.Body.GetProperty("data").GetProperty("user").GetProperty("balance").GetDecimal());

        var processed = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/process", Admin(), new { transactionReference = "TXN123456789", notes = "paid" });
        Assert.True(processed.Status == HttpStatusCode.OK, processed.Raw);
        Assert.Equal("completed", processed.Body.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("TXN123456789", processed.Body.GetProperty("data").GetProperty("transactionReference").GetString());

        var balance = await SendAsync(HttpMethod.Post, "/api/user/balance/", user.Token, new { });
        Assert.Equal(900m, balance.Body.GetProperty("available_balance").GetDecimal());
        Assert.Equal(0m, balance.Body.GetProperty("pending_balance").GetDecimal());
        Assert.Equal(100m, balance.Body.GetProperty("total_paid").GetDecimal());
        var activity = await SendAsync(HttpMethod.Get, "/api/user/transactions/", user.Token);
        Assert.Contains(activity.Body.GetProperty("transactions").EnumerateArray(),
            t => t.GetProperty("type").GetString() == "withdrawal" && t.GetProperty("status").GetString() == "completed" && t.GetProperty("amount").GetDecimal() == 100m);

        var again = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/process", Admin(), new { transactionReference = "TXN-AGAIN" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal("Payout has already been processed", again.Body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Processing_without_a_reference_settles_through_settlement_and_the_provider()
    {
        var user = await NewPayingUserAsync(1000m);
        var payout = await RequestPayoutAsync(user, 100m);

        var data = await ProcessThroughTheProviderAsync(payout, "via provider");
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(data.GetProperty("transactionReference").GetString()));
        Assert.Equal(900m, data.GetProperty("user").GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task A_payout_paid_through_the_provider_is_told_to_its_user_once_in_the_notifications_through_the_gateway()
    {
        var account = UsAccount();
        var user = await NewPayingUserAsync(1000m, account);
        var payout = await RequestPayoutAsync(user, 100m);
        Assert.Equal("completed", (await ProcessThroughTheProviderAsync(payout, "notified")).GetProperty("status").GetString());

        // NotificationService consumes PayoutService's PayoutCompleted on its own time.
        var list = await Eventually.ValueAsync(async () =>
        {
            var read = await SendAsync(HttpMethod.Get, "/api/v1/notifications/?limit=100", user.Token);
            Assert.True(read.Status == HttpStatusCode.OK, read.Raw);
            return read.Body.GetProperty("notifications").EnumerateArray().Any(n => n.GetProperty("type").GetString() == "payout.completed") ? read : null;
        }, "the user's payout.completed notification", Patience);

        Assert.Equal("notifications", list.ServedBy);
        var items = list.Body.GetProperty("notifications").EnumerateArray().ToList();
        var completed = Assert.Single(items, n => n.GetProperty("type").GetString() == "payout.completed");
        Assert.Equal(payout, completed.GetProperty("object_id").GetString());
        var reference = completed.GetProperty("reference").GetString()!;
        Assert.StartsWith("PAY-", reference, StringComparison.Ordinal);
        Assert.Equal($"Your payout {reference} of {Payouts.ServiceDefaults.Json.Money.Format(completed.GetProperty("amount").GetDecimal())} USD was paid to Wells Fargo ****{account.Number[^4..]}.",
            completed.GetProperty("message").GetString());
        Assert.False(completed.GetProperty("read").GetBoolean());
        // Its request was told too, naming the account masked; the full number appears nowhere.
        var requested = Assert.Single(items, n => n.GetProperty("type").GetString() == "payout.requested");
        Assert.Contains($"to Wells Fargo ****{account.Number[^4..]}", requested.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(account.Number, list.Raw, StringComparison.Ordinal);
        Assert.True(list.Body.GetProperty("unread_count").GetInt32() >= 2, list.Raw);
    }

    [Fact]
    public async Task A_payout_to_a_naira_account_settles_through_the_provider_at_the_rate_an_admin_set()
    {
        // This class's platform is its own: changing the seeded USD → NGN rate affects no other test class.
        var set = await SendAsync(HttpMethod.Put, "/api/admin/fx-rates/USD/NGN", Admin(), new { rate = 1550, processingFee = 25 });
        Assert.True(set.Status == HttpStatusCode.OK, set.Raw);
        var user = await NewPayingUserAsync(1000m, NairaAccount());
        var payout = await RequestPayoutAsync(user, 100m);

        var requested = (await SendAsync(HttpMethod.Get, $"/api/admin/payouts/{payout}", Admin())).Body.GetProperty("data");
        Assert.Equal((155000m, 25m, 154975m), (requested.GetProperty("amountInNgn").GetDecimal(), requested.GetProperty("processingFee").GetDecimal(),
            requested.GetProperty("netAmount").GetDecimal()));

        var data = await ProcessThroughTheProviderAsync(payout, "naira via provider");
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(900m, data.GetProperty("user").GetProperty("balance").GetDecimal());

        // The provider paid the net naira amount, once.
        var transfer = await SendAsync(HttpMethod.Get, $"/api/admin/payouts/transfer-status/{data.GetProperty("transactionReference").GetString()}", Admin());
        Assert.True(transfer.Status == HttpStatusCode.OK, transfer.Raw);
        Assert.Equal(("completed", 154975m), (transfer.Body.GetProperty("data").GetProperty("status").GetString(),
            transfer.Body.GetProperty("data").GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_leaves_the_balance_creates_no_transaction_and_the_payout_cannot_then_be_processed()
    {
        var user = await NewPayingUserAsync(1000m);
        var payout = await RequestPayoutAsync(user, 100m);

        var noReason = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/reject", Admin(), new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.False(noReason.Body.GetProperty("success").GetBoolean());

        var rejected = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/reject", Admin(), new { rejectionReason = "Invalid bank account details" });
        Assert.True(rejected.Status == HttpStatusCode.OK, rejected.Raw);
        var balance = await SendAsync(HttpMethod.Post, "/api/user/balance/", user.Token, new { });
        Assert.Equal(1000m, balance.Body.GetProperty("available_balance").GetDecimal());
        var activity = await SendAsync(HttpMethod.Get, "/api/user/transactions/", user.Token);
        Assert.DoesNotContain(activity.Body.GetProperty("transactions").EnumerateArray(), t => t.GetProperty("type").GetString() == "withdrawal");

        var process = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/process", Admin(), new { transactionReference = "TXN-1" });
        Assert.Equal(HttpStatusCode.BadRequest, process.Status);
        var rejectAgain = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/reject", Admin(), new { rejectionReason = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, rejectAgain.Status);

        var history = await SendAsync(HttpMethod.Post, "/api/get/payouts/", user.Token, new { });
        var listed = Assert.Single(history.Body.GetProperty("payouts").EnumerateArray());
        Assert.Equal("rejected", listed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_payout_beyond_the_balance_is_refused_and_the_history_shows_each_status()
    {
        var user = await NewPayingUserAsync(150m);
        var refused = await SendPayoutRequestAsync(user, 200m);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("insufficient_balance", refused.Body.GetProperty("error").GetString());

        var payout = await RequestPayoutAsync(user, 100m);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/process", Admin(), new { transactionReference = "TXN-H" })).Status);
        var second = await RequestPayoutAsync(user, 50m);
        var history = await SendAsync(HttpMethod.Post, "/api/get/payouts/", user.Token, new { });
        var statuses = history.Body.GetProperty("payouts").EnumerateArray().ToDictionary(p => p.GetProperty("uuid").GetString()!, p => p.GetProperty("status").GetString());
        Assert.Equal("completed", statuses[payout]);
        Assert.Equal("pending", statuses[second]);
        Assert.Equal("payouts", history.ServedBy);
    }

    private sealed record PayingUser(long Id, AuthenticationHeaderValue Token, long BankAccountId);

    private sealed record Reply(HttpStatusCode Status, JsonElement Body, string Raw, string? ServedBy);

    private AuthenticationHeaderValue Admin() => fixture.Tokens.Admin("1");

    /// <summary>A bank account form and its number (to read its deposits at the sandbox).</summary>
    private sealed record NewAccount(object Form, string Number);

    /// <summary>A US checking account (the default for a paying user).</summary>
    private static NewAccount UsAccount()
    {
        var number = "7" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture) + "31";
        return new(new { bank_name = "Wells Fargo", account_number = number, routing_number = "021000021", account_type = "checking", account_holder_name = "Ada Payee" },
            number);
    }

    /// <summary>A Nigerian account (NGN): a NUBAN whose last digit checks bank code 058 and the serial, weights 3, 7, 3 repeating.</summary>
    private static NewAccount NairaAccount()
    {
        const string bankCode = "058";
        var serial = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var sum = (bankCode + serial).Select((digit, i) => (digit - '0') * (i % 3 == 1 ? 7 : 3)).Sum();
        var number = serial + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
        return new(new { bank_name = "GTBank", account_number = number, bank_code = bankCode, country = "NG", account_type = "savings", account_holder_name = "Ada Payee" },
            number);
    }

    /// <summary>
    /// A user credited by an admin, with a bank account (US unless given) added through BankAccountService and verified
    /// with the deposits settlement paid, read from the account's credits at the provider sandbox.
    /// </summary>
    private async Task<PayingUser> NewPayingUserAsync(decimal earnings, NewAccount? account = null)
    {
        account ??= UsAccount();
        var id = Random.Shared.NextInt64(1_000_000, 9_000_000_000);
        var token = fixture.Tokens.User(id.ToString(CultureInfo.InvariantCulture));
        var created = await SendAsync(HttpMethod.Post, "/api/admin/users", Admin(), new { id, email = $"u{id}@example.com", firstName = "Ada", lastName = "Payee", minimumPayout = "10" });
        Assert.True(created.Status == HttpStatusCode.Created, created.Raw);
        using var credit = Request(HttpMethod.Post, $"/api/admin/users/{id}/credits", Admin(),
            new { amount = earnings.ToString(CultureInfo.InvariantCulture), currency = "USD", reference = $"EARN-{id}" });
        credit.Headers.Add("Idempotency-Key", $"earn-{id}");
        var credited = await SendAsync(credit);
        Assert.True(credited.Status == HttpStatusCode.Created, credited.Raw);

        var added = await SendAsync(HttpMethod.Post, "/api/update/bank-account/", token, account.Form);
        Assert.True(added.Status == HttpStatusCode.OK, added.Raw);
        var accountId = added.Body.GetProperty("bank_account_id").GetInt64();
        using var sandbox = new SandboxClient(fixture.Platform);
        var deposits = await sandbox.MicroDepositsAsync(account.Number, Patience);
        var verified = await SendAsync(HttpMethod.Post, "/api/bank-accounts/verify/", token,
            new { bank_account_id = accountId, verification_amount_1 = SandboxClient.Amount(deposits[0]), verification_amount_2 = SandboxClient.Amount(deposits[1]) });
        Assert.True(verified.Status == HttpStatusCode.OK, verified.Raw);
        return new PayingUser(id, token, accountId);
    }

    /// <summary>Processes a payout without a reference (settlement pays it through the sandbox); the admin view once it left processing.</summary>
    private async Task<JsonElement> ProcessThroughTheProviderAsync(string payout, string notes)
    {
        var processed = await SendAsync(HttpMethod.Post, $"/api/admin/payouts/{payout}/process", Admin(), new { notes });
        Assert.True(processed.Status is HttpStatusCode.OK or HttpStatusCode.Accepted, processed.Raw);

        // 202 means settlement had not answered within the wait: the outcome arrives later through the saga.
        var final = await Eventually.ValueAsync(async () =>
        {
            var read = await SendAsync(HttpMethod.Get, $"/api/admin/payouts/{payout}", Admin());
            return read.Body.GetProperty("data").GetProperty("status").GetString() == "processing" ? null : read;
        }, "the payout to leave processing", Patience);
        return final.Body.GetProperty("data");
    }

    /// <summary>Requests a payout, retrying while PayoutService has not yet received the account's events (eventual consistency).</summary>
    private async Task<string> RequestPayoutAsync(PayingUser user, decimal amount)
    {
        var reply = await SendPayoutRequestAsync(user, amount);
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Raw);
        Assert.StartsWith("PAY-", reply.Body.GetProperty("reference").GetString(), StringComparison.Ordinal);
        return reply.Body.GetProperty("payout_uuid").GetString()!;
    }

    /// <summary>Sends a payout request once PayoutService knows the account as verified; returns the first other answer.</summary>
    private async Task<Reply> SendPayoutRequestAsync(PayingUser user, decimal amount)
    {
        return await Eventually.ValueAsync(async () =>
        {
            var attempt = await SendAsync(HttpMethod.Post, "/api/action/payout/", user.Token,
                new { amount = amount.ToString(CultureInfo.InvariantCulture), method = "bank_transfer", bank_account_id = user.BankAccountId });
            var notYetKnown = attempt.Status == HttpStatusCode.BadRequest
                && (attempt.Body.GetProperty("error").GetString() is "bank_account_not_verified"
                    || (attempt.Body.TryGetProperty("field", out var field) && field.GetString() == "bank_account_id"));
            return notYetKnown ? null : attempt;
        }, "PayoutService to know the verified bank account", Patience);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, AuthenticationHeaderValue token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body);
        request.Headers.Authorization = token;
        return request;
    }

    private async Task<Reply> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue token, object? body = null)
    {
        using var request = Request(method, path, token, body);
        return await SendAsync(request);
    }

    private async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        using var response = await gateway.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, JsonDocument.Parse(raw).RootElement.Clone(), raw,
            response.Headers.TryGetValues("X-Served-By", out var servedBy) ? servedBy.Single() : null);
    }
}
