using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Payouts;
using Payouts.PayoutService.Tests.Support;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.PayoutService.Tests;

[Collection(PayoutServiceCollection.Name)]
public sealed class PayoutLifecycleTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task Cancel_releases_the_hold_once_and_only_while_pending()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var client = Fixture.ClientFor(userId);

        var (cancelled, body) = await client.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId.Text()));
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Payout cancelled successfully", body["message"].Str());
        Assert.Equal("cancelled", await Fixture.StatusAsync(payoutId));
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        await Fixture.Events.WaitForAsync<PayoutCancelled>(e => e.PayoutId == payoutUuid);

        var (again, againBody) = await client.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutUuid.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("payout_cannot_be_cancelled", againBody["error"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        // The refused second cancel told nobody anything: one PayoutCancelled (NotificationService tells the user from it).
        Assert.Single(Fixture.Events.OfType<PayoutCancelled>(), e => e.PayoutId == payoutUuid);
        Assert.Equal(["payout_cancelled:cancelled", "payout_request:pending"], await ActivityOfPayoutAsync(client, payoutId));
    }

    [Fact]
    public async Task Another_users_payout_cannot_be_cancelled_and_missing_ids_are_refused()
    {
        var (userId, _, payoutId, _) = await Fixture.PendingPayoutAsync();
        using var stranger = Fixture.ClientFor(PayoutServiceFixture.NewUserId());

        var (foreign, foreignBody) = await stranger.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId.Text()));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("not_found", foreignBody["error"].Str());
        var (missing, missingBody) = await stranger.PostFormAsync("/api/action/payout/cancel/");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("payout_id", missingBody["field"].Str());
        var (garbage, _) = await stranger.PostFormAsync("/api/action/payout/cancel/", ("payout_id", "not-an-id"));
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal("pending", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Back_office_process_with_a_transaction_id_completes_moves_held_to_paid_and_records_the_withdrawal()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (processed, body) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "TXN-2024-001"),
            ("notes", "Processed via bank transfer"));

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("Payout processed successfully", body["message"].Str());
        Assert.NotNull(body["processed_at"]);
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);
        Assert.Equal("TXN-2024-001", completed.TransactionReference);

        using var user = Fixture.ClientFor(userId);
        var (_, activity) = await user.GetJsonAsync("/api/user/transactions/");
        var withdrawal = activity["transactions"]!.AsArray().Single(t => t!["type"].Str() == "withdrawal")!;
        Assert.Equal("completed", withdrawal["status"].Str());
        Assert.Equal(100m, withdrawal["amount"].Decimal());
        Assert.Contains("****1234", withdrawal["description"].Str(), StringComparison.Ordinal);
        // Seed 004: the user's recent activity includes the payout, from its request (newest first).
        Assert.Equal(["withdrawal:completed", "payout_request:pending"], await ActivityOfPayoutAsync(user, payoutId));

        var (again, againBody) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "TXN-2"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("payout_already_processed", againBody["error"].Str());
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        Assert.Single(Fixture.Events.OfType<PayoutCompleted>(), e => e.PayoutId == payoutUuid);
    }

    [Fact]
    public async Task Admin_process_with_a_reference_answers_in_the_seed_004_shape()
    {
        var (userId, _, _, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (processed, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { transactionReference = "TXN123456789", notes = "ok" });

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.True(body["success"]!.GetValue<bool>());
        var data = body["data"]!;
        Assert.Equal(payoutUuid.ToString(), data["id"].Str());
        Assert.Equal("completed", data["status"].Str());
        Assert.Equal("TXN123456789", data["transactionReference"].Str());
        Assert.Equal(900m, data["userBalance"].Decimal());
        Assert.NotNull(data["processedBy"]);
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));

        var (tooLong, tooLongBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { transactionReference = "x", notes = new string('n', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.False(tooLongBody["success"]!.GetValue<bool>());
        var (unknown, _) = await admin.PostJsonAsync($"/api/admin/payouts/{Guid.NewGuid()}/process", new { transactionReference = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Admins_whose_sub_is_a_uuid_process_and_reject_and_are_the_processed_by()
    {
        // Seed 004 models admins by uuid: "processedBy": "admin-uuid-here".
        var adminSubject = Guid.NewGuid().ToString();
        using var admin = Fixture.ClientForSubject(adminSubject, null, PayoutsRoles.Admin);
        var (_, _, _, toProcess) = await Fixture.PendingPayoutAsync(1000m, 100m);
        var (userId, _, _, toReject) = await Fixture.PendingPayoutAsync(1000m, 100m);

        var (processed, processedBody) = await admin.PostJsonAsync($"/api/admin/payouts/{toProcess}/process", new { transactionReference = "TXN123456789" });
        var (rejected, rejectedBody) = await admin.PostJsonAsync($"/api/admin/payouts/{toReject}/reject", new { rejectionReason = "Invalid bank account details" });

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("completed", processedBody["data"]!["status"].Str());
        Assert.Equal(adminSubject, processedBody["data"]!["processedBy"].Str());
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", rejectedBody["data"]!["status"].Str());
        Assert.Equal(adminSubject, rejectedBody["data"]!["processedBy"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Reject_needs_a_reason_releases_the_hold_and_cannot_be_followed_by_process()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (noReason, noReasonBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.False(noReasonBody["success"]!.GetValue<bool>());
        var (tooLong, _) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/reject", new { rejectionReason = new string('r', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));

        var (rejected, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/reject", new { rejectionReason = "Invalid bank account details" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("rejected", body["data"]!["status"].Str());
        Assert.Equal("Invalid bank account details", body["data"]!["rejectionReason"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        await Fixture.Events.WaitForAsync<PayoutRejected>(e => e.PayoutId == payoutUuid);

        var (process, processBody) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "TXN-9"));
        Assert.Equal(HttpStatusCode.BadRequest, process.StatusCode);
        Assert.Equal("payout_already_processed", processBody["error"].Str());
        var (rejectAgain, rejectAgainBody) = await admin.PostFormAsync("/api/payouts/reject/", ("payout_id", payoutId.Text()), ("reason", "again"));
        Assert.Equal(HttpStatusCode.BadRequest, rejectAgain.StatusCode);
        Assert.Equal("payout_already_processed", rejectAgainBody["error"].Str());
        // No withdrawal; the activity shows the request and its rejection, once.
        Assert.Equal(["payout_rejected:rejected", "payout_request:pending"], await Fixture.QueryAsync(db => db.UserTransactions
            .Where(t => t.PayoutId == payoutId).OrderByDescending(t => t.Id).Select(t => t.Type + ":" + t.Status).ToListAsync()));
    }

    [Fact]
    public async Task Back_office_reject_requires_a_reason_and_users_cannot_process_or_reject()
    {
        var (userId, _, payoutId, _) = await Fixture.PendingPayoutAsync();
        using var admin = Fixture.AdminClient();
        var (noReason, noReasonBody) = await admin.PostFormAsync("/api/payouts/reject/", ("payout_id", payoutId.Text()));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", noReasonBody["field"].Str());

        using var user = Fixture.ClientFor(userId);
        var (process, _) = await user.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "T"));
        Assert.Equal(HttpStatusCode.Forbidden, process.StatusCode);
        var (reject, _) = await user.PostFormAsync("/api/payouts/reject/", ("payout_id", payoutId.Text()), ("reason", "mine"));
        Assert.Equal(HttpStatusCode.Forbidden, reject.StatusCode);

        var (rejected, body) = await admin.PostFormAsync("/api/payouts/reject/", ("payout_id", payoutId.Text()), ("reason", "Insufficient funds"), ("notes", "below threshold"));
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal("Payout rejected successfully", body["message"].Str());
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task A_pending_payout_to_a_deleted_bank_account_is_cancelled_and_its_hold_released()
    {
        var (userId, accountId, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);

        await Fixture.Bus.Publish(new BankAccountDeleted(accountId, Guid.NewGuid(), userId.Text(), DateTimeOffset.UtcNow));

        var cancelled = await Fixture.Events.WaitForAsync<PayoutCancelled>(e => e.PayoutId == payoutUuid);
        Assert.Equal("bank account deleted", cancelled.Reason);
        Assert.Equal("cancelled", await Fixture.StatusAsync(payoutId));
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        using var client = Fixture.ClientFor(userId);
        var (refused, refusedBody) = await client.RequestPayoutAsync(100m, accountId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("bank_account_id", refusedBody["field"].Str());
    }

    [Fact]
    public async Task Concurrent_cancel_and_process_of_one_payout_have_exactly_one_winner_in_100_rounds()
    {
        var userId = await Fixture.NewFundedUserAsync(100m);
        var accountId = await Fixture.AddAsync(userId);
        using var user = Fixture.ClientFor(userId);
        using var admin = Fixture.AdminClient();
        decimal paid = 0;
        for (var round = 0; round < 100; round++)
        {
            var (_, requested) = await user.RequestPayoutAsync(50m, accountId);
            var payoutId = requested["payout_id"]!.GetValue<long>().Text();
            // Alternate which request is sent first so both orders are exercised.
            var cancel = user.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId));
            var process = admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId), ("transaction_id", $"TXN-{round}"));
            var outcomes = round % 2 == 0 ? await Task.WhenAll(cancel, process) : (await Task.WhenAll(process, cancel)).Reverse().ToArray();
            var (cancelResult, processResult) = (outcomes[0], outcomes[1]);

            var cancelWon = cancelResult.Response.StatusCode == HttpStatusCode.OK;
            var processWon = processResult.Response.StatusCode == HttpStatusCode.OK;
            Assert.True(cancelWon ^ processWon, $"round {round}: cancel {(int)cancelResult.Response.StatusCode}, process {(int)processResult.Response.StatusCode}");
            if (cancelWon)
                Assert.Equal("payout_already_processed", processResult.Body["error"].Str());
            else
            {
                Assert.Equal("payout_cannot_be_cancelled", cancelResult.Body["error"].Str());
                paid += 50m;
                // Top the balance back up so every round can request again.
                await Fixture.CreditAsync(userId, 50m);
            }
        }

        Assert.Equal((100m, 0m, paid), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Concurrent_process_and_process_of_one_payout_complete_it_once_in_100_rounds()
    {
        var userId = await Fixture.NewFundedUserAsync(5000m);
        var accountId = await Fixture.AddAsync(userId);
        using var user = Fixture.ClientFor(userId);
        using var admin = Fixture.AdminClient();
        for (var round = 0; round < 100; round++)
        {
            var (_, requested) = await user.RequestPayoutAsync(50m, accountId);
            var payoutId = requested["payout_id"]!.GetValue<long>().Text();
            var results = await Task.WhenAll(
                admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId), ("transaction_id", $"A-{round}")),
                admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId), ("transaction_id", $"B-{round}")));
            Assert.Equal(1, results.Count(r => r.Response.StatusCode == HttpStatusCode.OK));
            Assert.Equal("payout_already_processed", results.Single(r => r.Response.StatusCode != HttpStatusCode.OK).Body["error"].Str());
        }

        Assert.Equal((0m, 0m, 5000m), await Fixture.BalancesAsync(userId));
        Assert.Equal(100, await Fixture.QueryAsync(db => db.UserTransactions.CountAsync(t => t.UserId == userId && t.Type == "withdrawal")));
    }

    /// <summary>The user's activity entries of one payout, newest first, as <c>type:status</c>.</summary>
    private static async Task<List<string>> ActivityOfPayoutAsync(HttpClient user, long payoutId)
    {
        var (_, activity) = await user.GetJsonAsync("/api/user/transactions/");
        return [.. activity["transactions"]!.AsArray()
            .Where(t => t!["payout_id"]?.GetValue<long>() == payoutId)
            .Select(t => $"{t!["type"].Str()}:{t["status"].Str()}")];
    }
}
