using System.Globalization;
using System.Net;
using System.Text.Json;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Messaging;

/// <summary>
/// Settlement's micro-deposit reports consumed from the real broker (a test bus plays settlement): the window starts
/// when the deposits were sent, failed deposits give <c>deposits_failed</c>, re-submitting the account gets new
/// deposits, stale and repeated reports change nothing.
/// </summary>
[Collection(Infrastructure.Collection)]
public sealed class MicroDepositOutcomeTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private const string VerifyPath = "/api/bank-accounts/verify/";
    private const string UpdatePath = "/api/update/bank-account/";
    private const int MaxTries = Payouts.BankAccountService.Domain.BankAccount.MaxVerificationAttempts;
    private ServiceUnderTest _service = null!;
    private MicroDepositReporter _settlement = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync(infrastructure, "micro_deposit_outcome");
        _settlement = await MicroDepositReporter.StartAsync(infrastructure.MessagingConnectionString, _service.Host.DatabaseConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _settlement.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task The_window_to_confirm_counts_from_when_the_deposits_were_sent()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (verificationId, first, second) = await DepositsAsync(id, round: 1);
        Assert.Equal(JsonValueKind.Null, (await AccountAsync(client)).GetProperty("verification_expires_at").ValueKind);

        var shift = TimeSpan.Zero;
        try
        {
            // Settlement took three days to pay; five-day window from then, not from when the account was added.
            shift = Advance(TimeSpan.FromDays(3), shift);
            var sentAt = _service.Host.Clock.GetUtcNow();
            await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, sentAt));
            var account = await AccountAsync(client);
            Assert.Equal("pending", account.GetProperty("verification_status").GetString());
            Assert.Equal(Format(sentAt), account.GetProperty("micro_deposits_sent_at").GetString());
            Assert.Equal(Format(sentAt.AddDays(BankAccountServiceHost.ExpiryDays)), account.GetProperty("verification_expires_at").GetString());

            shift = Advance(TimeSpan.FromDays(BankAccountServiceHost.ExpiryDays - 1), shift);
            var verified = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
            Assert.Equal(HttpStatusCode.OK, verified.Status);
        }
        finally
        {
            _service.Host.Clock.Advance(-shift);
        }
    }

    [Fact]
    public async Task The_amounts_expire_the_configured_days_after_they_were_sent_and_resubmitting_sends_new_ones()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);
        var (verificationId, first, second) = await DepositsAsync(id, round: 1);
        await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, _service.Host.Clock.GetUtcNow()));

        var shift = TimeSpan.Zero;
        try
        {
            shift = Advance(TimeSpan.FromDays(BankAccountServiceHost.ExpiryDays) + TimeSpan.FromMinutes(1), shift);
            var late = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
            Assert.Equal(HttpStatusCode.BadRequest, late.Status);
            Assert.Equal("verification_expired", late.Text("error"));
            var account = await AccountAsync(client);
            Assert.Equal("expired", account.GetProperty("verification_status").GetString());
            Assert.False(account.GetProperty("verified").GetBoolean());
            var expired = await _service.Bus.WaitForAsync<BankAccountVerificationFailed>(m => m.GetProperty("bankAccountId").GetInt64() == id, "the expiry");
            Assert.Equal(("expired", verificationId), (expired.Text("status"), expired.Message.GetProperty("verificationId").GetGuid()));

            var resubmitted = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number));
            Assert.Equal(HttpStatusCode.OK, resubmitted.Status);
            Assert.Equal(id, resubmitted.Body.GetProperty("bank_account_id").GetInt64());
            Assert.Equal("pending", resubmitted.Text("verification_status"));
            var (_, newFirst, newSecond) = await DepositsAsync(id, round: 2);
            var verified = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", newFirst), ("verification_amount_2", newSecond));
            Assert.Equal(HttpStatusCode.OK, verified.Status);
        }
        finally
        {
            _service.Host.Clock.Advance(-shift);
        }
    }

    [Fact]
    public async Task Failed_deposits_show_deposits_failed_refuse_attempts_without_counting_and_resubmitting_sends_new_ones()
    {
        var userId = AccountFixtures.NewUserId();
        using var client = _service.Host.ClientFor(userId);
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);
        var (verificationId, first, second) = await DepositsAsync(id, round: 1);

        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, id, "account_closed", "The account is closed", _service.Host.Clock.GetUtcNow()));

        var account = await AccountAsync(client);
        Assert.Equal("deposits_failed", account.GetProperty("verification_status").GetString());
        Assert.False(account.GetProperty("verified").GetBoolean());
        for (var i = 0; i < MaxTries + 1; i++)
        {
            var attempt = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second));
            Assert.Equal(HttpStatusCode.BadRequest, attempt.Status);
            Assert.Equal("micro_deposits_failed", attempt.Text("error"));
        }

        Assert.Equal("deposits_failed", (await AccountAsync(client)).GetProperty("verification_status").GetString());

        var resubmitted = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number, bankName: "Chase Bank"));
        Assert.Equal(HttpStatusCode.OK, resubmitted.Status);
        Assert.Equal("New verification deposits are on their way", resubmitted.Text("message"));
        Assert.Equal(id, resubmitted.Body.GetProperty("bank_account_id").GetInt64());
        Assert.Equal("pending", resubmitted.Text("verification_status"));
        var (newVerificationId, newFirst, newSecond) = await DepositsAsync(id, round: 2);
        Assert.NotEqual(verificationId, newVerificationId);
        account = await AccountAsync(client);
        Assert.Equal("pending", account.GetProperty("verification_status").GetString());
        Assert.Equal("Chase Bank", account.GetProperty("bank_name").GetString());

        // Reports about the first round are stale now.
        await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, _service.Host.Clock.GetUtcNow()));
        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, id, "account_closed", "The account is closed", _service.Host.Clock.GetUtcNow()));
        account = await AccountAsync(client);
        Assert.Equal("pending", account.GetProperty("verification_status").GetString());
        Assert.Equal(JsonValueKind.Null, account.GetProperty("micro_deposits_sent_at").ValueKind);

        var verified = await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", newFirst), ("verification_amount_2", newSecond));
        Assert.Equal(HttpStatusCode.OK, verified.Status);

        await _service.BarrierAsync();
        Assert.Equal(1, _service.Count<BankAccountAdded>(id));
        Assert.Equal(1, _service.Count<BankAccountVerified>(id));
        Assert.Equal(2, _service.Count<SendMicroDeposits>(id));
        // The provider's free-text reason is not logged.
        Assert.DoesNotContain(_service.Host.Logs.Lines, line => line.Contains("The account is closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_locked_account_gets_new_deposits_on_resubmission_until_the_rounds_run_out()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);

        for (var round = 1; round <= 3; round++)
        {
            var (_, first, _) = await DepositsAsync(id, round);
            // While pending, the same account again only changes its details.
            var pending = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number));
            Assert.Equal(HttpStatusCode.OK, pending.Status);
            Assert.Equal(id, pending.Body.GetProperty("bank_account_id").GetInt64());

            var wrong = first == "0.01" ? "0.02" : "0.01";
            for (var i = 0; i < MaxTries; i++)
            {
                await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", wrong), ("verification_amount_2", wrong));
            }

            Assert.Equal("verification_failed", (await AccountAsync(client)).GetProperty("verification_status").GetString());
            var resubmitted = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number));
            if (round < 3)
            {
                Assert.Equal(HttpStatusCode.OK, resubmitted.Status);
                Assert.Equal(id, resubmitted.Body.GetProperty("bank_account_id").GetInt64());
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, resubmitted.Status);
                Assert.Equal("verification_limit_reached", resubmitted.Text("error"));
            }
        }

        await _service.BarrierAsync();
        Assert.Equal(3, _service.Count<SendMicroDeposits>(id));
        Assert.Equal("verification_failed", (await AccountAsync(client)).GetProperty("verification_status").GetString());
    }

    [Fact]
    public async Task Deleting_and_re_adding_an_unverified_account_continues_its_rounds_instead_of_starting_over()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var firstId = await _service.AddAccountAsync(client, number);
        var (verificationId, _, _) = await DepositsAsync(firstId, round: 1);
        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, firstId, "account_closed", "closed", _service.Host.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, (await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number))).Status);
        await DepositsAsync(firstId, round: 2);

        // Round 3 comes from a new account for the same number, after the first is deleted.
        Assert.Equal(HttpStatusCode.OK, (await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", firstId.ToString()))).Status);
        var secondId = await _service.AddAccountAsync(client, number);
        await DepositsAsync(secondId, round: 1);

        // Rounds 1-3 are spent: replacing the account with itself changes it in place (its round goes on), and deleting it
        // and adding it again gets no fourth.
        var replaced = await client.PostForm(UpdatePath, [.. AccountFixtures.UsAccountForm(number), ("bank_account_id", secondId.ToString())]);
        Assert.Equal(HttpStatusCode.OK, replaced.Status);
        Assert.Equal(secondId, replaced.Body.GetProperty("bank_account_id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", secondId.ToString()))).Status);
        var readded = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number));
        Assert.Equal(HttpStatusCode.Conflict, readded.Status);
        Assert.Equal("verification_limit_reached", readded.Text("error"));

        await _service.BarrierAsync();
        Assert.Equal(2, _service.Count<SendMicroDeposits>(firstId));
        Assert.Equal(1, _service.Count<SendMicroDeposits>(secondId));
        Assert.Empty((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());

        // Another user with the same number is not held to this user's rounds.
        using var other = _service.Host.ClientFor(AccountFixtures.NewUserId());
        Assert.Equal(HttpStatusCode.OK, (await other.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number))).Status);
    }

    [Fact]
    public async Task Concurrent_resubmissions_of_a_failed_account_start_one_new_round()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);
        var (verificationId, _, _) = await DepositsAsync(id, round: 1);
        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, id, "account_closed", "closed", _service.Host.Clock.GetUtcNow()));

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number))));

        // One starts the new round; the others find it pending and only change its details.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(responses, r => r.Text("message") == "New verification deposits are on their way");
        await _service.BarrierAsync();
        Assert.Equal(2, _service.Count<SendMicroDeposits>(id));
        Assert.Equal("pending", (await AccountAsync(client)).GetProperty("verification_status").GetString());
    }

    [Fact]
    public async Task A_verified_account_resubmitted_stays_verified_and_a_late_failure_report_changes_nothing()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var number = AccountFixtures.UsAccountNumber();
        var id = await _service.AddAccountAsync(client, number);
        var (verificationId, first, second) = await DepositsAsync(id, round: 1);
        Assert.Equal(HttpStatusCode.OK, (await client.PostForm(VerifyPath, ("bank_account_id", id.ToString()), ("verification_amount_1", first), ("verification_amount_2", second))).Status);

        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, id, "returned", "Deposit returned", _service.Host.Clock.GetUtcNow()));
        var resubmitted = await client.PostForm(UpdatePath, AccountFixtures.UsAccountForm(number));

        Assert.Equal(HttpStatusCode.OK, resubmitted.Status);
        Assert.Equal("Bank account updated successfully", resubmitted.Text("message"));
        Assert.Equal("verified", resubmitted.Text("verification_status"));
        Assert.Equal("verified", (await AccountAsync(client)).GetProperty("verification_status").GetString());
    }

    [Fact]
    public async Task A_redelivered_report_is_consumed_once_and_a_repeated_one_keeps_the_first_sent_time()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (verificationId, _, _) = await DepositsAsync(id, round: 1);
        var sentAt = _service.Host.Clock.GetUtcNow().AddHours(-1);

        var messageId = await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, sentAt));
        // The broker delivering the same message again (same message id): skipped by the inbox.
        await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, sentAt), messageId);
        await WaitForLogAsync($"{messageId}", "already consumed");
        Assert.Equal(1, await _settlement.InboxRowsAsync(messageId));

        // Settlement answering a repeated command (a new message id, a later time): the first report stands.
        await _settlement.ReportAsync(new MicroDepositsSent(verificationId, id, sentAt.AddHours(5)));
        var account = await AccountAsync(client);
        Assert.Equal(Format(sentAt), account.GetProperty("micro_deposits_sent_at").GetString());
        Assert.Equal(Format(sentAt.AddDays(BankAccountServiceHost.ExpiryDays)), account.GetProperty("verification_expires_at").GetString());
    }

    [Fact]
    public async Task Reports_for_unknown_or_deleted_accounts_are_consumed_and_ignored()
    {
        using var client = _service.Host.ClientFor(AccountFixtures.NewUserId());
        var id = await _service.AddAccountAsync(client, AccountFixtures.UsAccountNumber());
        var (verificationId, _, _) = await DepositsAsync(id, round: 1);
        Assert.Equal(HttpStatusCode.OK, (await client.PostForm("/api/bank-accounts/delete/", ("bank_account_id", id.ToString()))).Status);

        await _settlement.ReportAsync(new MicroDepositsFailed(verificationId, id, "destination_not_payable", "deleted", _service.Host.Clock.GetUtcNow()));
        await _settlement.ReportAsync(new MicroDepositsSent(Guid.NewGuid(), 987_654_321, _service.Host.Clock.GetUtcNow()));

        await WaitForLogAsync($"{verificationId}", "Stale");
        Assert.Empty((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());
    }

    private TimeSpan Advance(TimeSpan by, TimeSpan total)
    {
        _service.Host.Clock.Advance(by);
        return total + by;
    }

    /// <summary>The verification id and amounts of the account's <paramref name="round"/>-th <c>SendMicroDeposits</c>.</summary>
    private async Task<(Guid VerificationId, string First, string Second)> DepositsAsync(long bankAccountId, int round)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        IReadOnlyList<CapturedMessage> commands;
        while ((commands = _service.Bus.Of<SendMicroDeposits>(m => m.GetProperty("bankAccountId").GetInt64() == bankAccountId)).Count < round)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No SendMicroDeposits round {round} for account {bankAccountId}.");
            await Task.Delay(50);
        }

        var command = commands[round - 1].Message;
        var (first, second) = _service.OpenAmounts(command);
        return (command.GetProperty("verificationId").GetGuid(), first, second);
    }

    private static async Task<JsonElement> AccountAsync(HttpClient client) =>
        Assert.Single((await client.PostForm("/api/bank-accounts/")).Body.GetProperty("bank_accounts").EnumerateArray());

    private async Task WaitForLogAsync(string first, string second)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!_service.Host.Logs.Lines.Any(l => l.Contains(first, StringComparison.Ordinal) && l.Contains(second, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No log line with '{first}' and '{second}'.");
            await Task.Delay(50);
        }
    }

    private static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
