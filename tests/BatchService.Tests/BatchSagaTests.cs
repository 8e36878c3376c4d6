using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Tests.Support;
using Payouts.Contracts.Batches;
using Payouts.Testing;

namespace Payouts.BatchService.Tests;

/// <summary>
/// The batch saga with the real PayoutService (the company wallet, platform users) and a settlement stand-in paying the
/// email rail, over the real broker: a batch approved ends completed or failed, with each recipient's outcome, the wallet
/// debited exactly by what was paid and nothing left held, whatever is redelivered.
/// </summary>
[Collection(BatchServiceCollection.Name)]
public sealed class BatchSagaTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task A_batch_of_platform_users_and_email_payees_completes_and_the_wallet_pays_exactly_what_was_paid()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 1000m);
        var run = Guid.NewGuid().ToString("N")[..8];
        var userEmail = $"member-{run}@example.com";
        var userId = await fixture.AddPlatformUserAsync(userEmail);

        var id = await fixture.ApprovedBatchAsync(client,
        [
            BulkApi.Payee(userEmail.ToUpperInvariant(), 100.50m, "Bonus"),
            BulkApi.Payee($"payee-{run}@example.com", 250m, "Invoice 7"),
            BulkApi.Payee("invalid@email", 50m),
        ]);
        var saga = await fixture.FinishedSagaAsync(id);

        var read = await client.BulkGetAsync($"/v1/payouts/batches/{id}");
        read.IsOk();
        Assert.Equal("completed", read["batch"]["status"]!.GetValue<string>());
        Assert.Equal(["completed", "completed", "cancelled"], read["recipients"].AsArray().Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(2, read["statistics"]["completed_recipients"]!.GetValue<int>());
        Assert.Equal(0m, read["statistics"]["active_amount"]!.GetValue<decimal>());
        var listed = (await client.BulkGetAsync("/v1/payouts"))["payouts"].AsArray().Single(p => p!["id"]!.GetValue<string>() == id.ToString());
        Assert.Equal(read["batch"]["completed_at"]!.GetValue<string>(), listed!["completed_at"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", listed["completed_at"]!.GetValue<string>());

        Assert.Equal(("Released", 2, 350.50m, 0, 0m), (saga.CurrentState, saga.PaidCount, saga.PaidAmount, saga.FailedCount, saga.FailedAmount));
        Assert.Equal(0m, saga.ReleasedAmount);
        Assert.Equal((1000m - 350.50m, 0m), await fixture.PayoutService.CompanyWalletAsync(companyId));
        Assert.Equal(100.50m, await fixture.PayoutService.UserAvailableAsync(userId));
        Assert.Single(fixture.Settlement.Received, s => s.RecipientHandle == $"payee-{run}@example.com");

        // Its end is published once, with the saga's counts and the batch's own status and time.
        var finished = await fixture.FinishedEventAsync(id);
        var batch = await fixture.QueryAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal((companyId, batch.Reference, BatchEndStatus.Completed, 350.50m, "USD", 2, 350.50m, 0, 0m, (string?)null, batch.CompletedAt),
            (finished.CompanyId, finished.PaymentReference, finished.Status, finished.Total, finished.Currency, finished.PaidCount, finished.PaidAmount,
                finished.FailedCount, finished.FailedAmount, finished.FailureReason, (DateTimeOffset?)finished.FinishedAt));
    }

    [Fact]
    public async Task A_recipient_the_provider_refuses_fails_with_its_reason_and_its_share_goes_back_to_the_wallet()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 500m);

        var id = await fixture.ApprovedBatchAsync(client,
        [
            BulkApi.Payee($"paid-{Guid.NewGuid():N}@example.com", 120m),
            BulkApi.Payee(FakeSettlement.SandboxClosedEmail, 80m),
        ]);
        var saga = await fixture.FinishedSagaAsync(id);

        var recipients = await fixture.QueryAsync(db => db.BatchRecipients.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.Position).ToListAsync());
        Assert.Equal([RecipientStatus.Completed, RecipientStatus.Failed], recipients.Select(r => r.Status));
        Assert.Equal("The beneficiary account is closed", recipients[1].FailureReason);
        Assert.Equal(BatchStatus.Completed, (await client.BulkGetAsync($"/v1/payouts/batches/{id}/status"))["batch_status"].GetValue<string>());
        Assert.Equal((1, 120m, 1, 80m), (saga.PaidCount, saga.PaidAmount, saga.FailedCount, saga.FailedAmount));
        Assert.Equal((380m, 0m), await fixture.PayoutService.CompanyWalletAsync(companyId));
        var finished = await fixture.FinishedEventAsync(id);
        Assert.Equal((BatchEndStatus.Completed, 200m, 1, 120m, 1, 80m), (finished.Status, finished.Total, finished.PaidCount, finished.PaidAmount,
            finished.FailedCount, finished.FailedAmount));
    }

    [Fact]
    public async Task A_batch_nobody_could_be_paid_from_is_failed_and_its_whole_hold_comes_back()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 100m);

        var id = await fixture.ApprovedBatchAsync(client, [BulkApi.Payee(FakeSettlement.SandboxClosedEmail, 60m)]);
        var saga = await fixture.FinishedSagaAsync(id);

        var batch = await fixture.QueryAsync(db => db.Batches.AsNoTracking().SingleAsync(b => b.Id == id));
        Assert.Equal(BatchStatus.Failed, batch.Status);
        Assert.NotNull(batch.CompletedAt);
        Assert.Equal((0, 1), (saga.PaidCount, saga.FailedCount));
        Assert.Equal((100m, 0m), await fixture.PayoutService.CompanyWalletAsync(companyId));
        var finished = await fixture.FinishedEventAsync(id);
        Assert.Equal((BatchEndStatus.Failed, 0, 0m, 1, 60m, (string?)null), (finished.Status, finished.PaidCount, finished.PaidAmount, finished.FailedCount,
            finished.FailedAmount, finished.FailureReason));
    }

    [Fact]
    public async Task A_batch_the_wallet_can_no_longer_cover_fails_with_the_figures_and_pays_nobody()
    {
        // Two drafts may each fit the wallet; only the first approved is held.
        var (companyId, client) = await fixture.NewCompanyAsync(available: 100m);
        var second = await client.CreateBatchAsync([BulkApi.Payee($"second-{Guid.NewGuid():N}@example.com", 80m)]);
        (await client.BulkPostAsync($"/v1/payouts/batches/{second}/ready", new { })).IsOk();
        var first = await fixture.ApprovedBatchAsync(client, [BulkApi.Payee($"first-{Guid.NewGuid():N}@example.com", 80m)]);
        await fixture.FinishedSagaAsync(first);

        await fixture.ApproveAsync(second);
        var saga = await fixture.FinishedSagaAsync(second);

        const string reason = "Insufficient wallet balance. Required: $80.00, Available: $20.00";
        Assert.Equal(("Refused", reason), (saga.CurrentState, saga.FailureReason));
        var read = await client.BulkGetAsync($"/v1/payouts/batches/{second}");
        Assert.Equal("failed", read["batch"]["status"]!.GetValue<string>());
        Assert.Equal(1, read["statistics"]["failed_recipients"]!.GetValue<int>());
        var recipient = await fixture.QueryAsync(db => db.BatchRecipients.AsNoTracking().SingleAsync(r => r.BatchId == second));
        Assert.Equal(reason, recipient.FailureReason);
        Assert.Equal((20m, 0m), await fixture.PayoutService.CompanyWalletAsync(companyId));
        var finished = await fixture.FinishedEventAsync(second);
        Assert.Equal((BatchEndStatus.Failed, 80m, 0, 1, 80m, reason), (finished.Status, finished.Total, finished.PaidCount, finished.FailedCount,
            finished.FailedAmount, finished.FailureReason));
    }

    [Fact]
    public async Task Redelivered_approvals_and_outcomes_hold_pay_and_count_each_recipient_once()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 1000m);
        var id = await client.CreateBatchAsync(BulkApi.Payees(3, 40m));
        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).IsOk();
        var messageId = Guid.NewGuid();

        // The same approval redelivered, and approved again as a new message, while the first is under way.
        await fixture.ApproveAsync(id, messageId);
        await fixture.ApproveAsync(id, messageId);
        await fixture.ApproveAsync(id);
        var saga = await fixture.FinishedSagaAsync(id);
        var recipients = await fixture.QueryAsync(db => db.BatchRecipients.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.Position).ToListAsync());

        // Outcomes repeated after the end, one contradicting the first: nothing is counted again and nothing regresses.
        await fixture.PublishAndWaitConsumedAsync(new BatchRecipientPaid(id, recipients[0].Id, BatchRecipientRail.Email, null, null, DateTimeOffset.UtcNow));
        await fixture.PublishAndWaitConsumedAsync(new BatchRecipientFailed(id, recipients[1].Id, "late and wrong", DateTimeOffset.UtcNow));
        await fixture.ApproveAsync(id, messageId);

        var after = await fixture.FinishedSagaAsync(id);
        Assert.Equal((3, 120m, 0), (saga.PaidCount, saga.PaidAmount, saga.FailedCount));
        Assert.Equal((after.PaidCount, after.PaidAmount, after.FailedCount, after.CurrentState), (3, 120m, 0, "Released"));
        Assert.All(await fixture.QueryAsync(db => db.BatchRecipients.AsNoTracking().Where(r => r.BatchId == id).ToListAsync()),
            r => Assert.Equal((RecipientStatus.Completed, (string?)null), (r.Status, r.FailureReason)));
        Assert.Equal((880m, 0m), await fixture.PayoutService.CompanyWalletAsync(companyId));
        Assert.Equal(3, fixture.Settlement.Received.Count(s => recipients.Any(r => r.Email == s.RecipientHandle)));
        // One end, however often its messages came.
        await fixture.FinishedEventAsync(id);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(fixture.Published.For<BatchFinished>(id));
    }

    [Fact]
    public async Task A_recipient_outcome_redelivered_while_the_batch_pays_is_counted_once()
    {
        var (_, client) = await fixture.NewCompanyAsync(available: 1000m);
        var run = Guid.NewGuid().ToString("N")[..8];
        // A platform user is paid in the ledger at once; the email payee waits for settlement, which this test holds.
        var userEmail = $"member-{run}@example.com";
        await fixture.AddPlatformUserAsync(userEmail);
        var held = $"held-{run}@example.com";
        fixture.Settlement.HoldEmail(held);
        var id = await fixture.ApprovedBatchAsync(client, [BulkApi.Payee(userEmail, 30m), BulkApi.Payee(held, 45m)]);

        var paying = await Eventually.MatchAsync(() => fixture.AdminReadAsync(id), read => read?.Saga?.PaidCount == 1, "the platform user to be paid");
        var user = await fixture.QueryAsync(db => db.BatchRecipients.AsNoTracking().SingleAsync(r => r.BatchId == id && r.Position == 1));
        await fixture.PublishAndWaitConsumedAsync(new BatchRecipientPaid(id, user.Id, BatchRecipientRail.PlatformUser, null, null, DateTimeOffset.UtcNow));
        await fixture.PublishAndWaitConsumedAsync(new BatchRecipientFailed(id, user.Id, "late and wrong", DateTimeOffset.UtcNow));
        var stillPaying = await fixture.AdminReadAsync(id);

        Assert.Equal("Paying", paying!.Saga!.CurrentState);
        Assert.Equal(("Paying", 1, 0), (stillPaying!.Saga!.CurrentState, stillPaying.Saga.PaidCount, stillPaying.Saga.FailedCount));
        Assert.Equal(BatchStatus.Processing, stillPaying.Batch.Status);
        await fixture.Settlement.ReleaseEmailAsync(held);
        var saga = await fixture.FinishedSagaAsync(id);
        Assert.Equal((2, 75m, 0), (saga.PaidCount, saga.PaidAmount, saga.FailedCount));
    }

    [Fact]
    public async Task The_admin_read_shows_the_sagas_state_counts_and_times_to_admins_only()
    {
        var (companyId, client) = await fixture.NewCompanyAsync(available: 100m);
        var id = await fixture.ApprovedBatchAsync(client, [BulkApi.Payee($"a-{Guid.NewGuid():N}@example.com", 25m)]);
        await fixture.FinishedSagaAsync(id);
        var draft = await client.CreateBatchAsync(BulkApi.Payees(1));
        using var admin = fixture.AdminClient();

        var read = await admin.BulkGetAsync($"/v1/admin/batches/{id}");
        var notApproved = await admin.BulkGetAsync($"/v1/admin/batches/{draft}");

        read.IsOk();
        Assert.Equal((companyId, "completed", 1), (read["batch"]["company_id"]!.GetValue<string>(), read["batch"]["status"]!.GetValue<string>(),
            read["batch"]["completed_recipients"]!.GetValue<int>()));
        var saga = read["saga"];
        Assert.Equal(("Released", 1, 1, 0), (saga["state"]!.GetValue<string>(), saga["recipients"]!.GetValue<int>(), saga["paid_recipients"]!.GetValue<int>(),
            saga["failed_recipients"]!.GetValue<int>()));
        Assert.Contains("\"paid_amount\":25,", read.Raw);
        foreach (var at in new[] { "approved_at", "funds_reserved_at", "finished_at", "released_at" })
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", saga[at]!.GetValue<string>());
        notApproved.IsOk();
        Assert.Null(notApproved.Body["saga"]);
        Assert.Equal("Batch not found", (await admin.BulkGetAsync($"/v1/admin/batches/{Guid.NewGuid()}")).Error(HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.BulkGetAsync($"/v1/admin/batches/{id}")).Status);
    }
}
