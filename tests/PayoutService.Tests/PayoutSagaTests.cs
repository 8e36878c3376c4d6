using System.Net;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>Processing without a reference: the payout saga, with a test consumer on the real broker playing settlement.</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class PayoutSagaTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task Admin_process_without_a_reference_settles_through_the_saga_and_answers_with_the_outcome()
    {
        var (userId, accountId, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        using var admin = Fixture.AdminClient();

        var (processed, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { notes = "via provider" });

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.True(body["success"]!.GetValue<bool>());
        Assert.Equal("completed", body["data"]!["status"].Str());
        Assert.Equal(FakeSettlement.TransferIdFor(payoutUuid), body["data"]!["transactionReference"].Str());
        Assert.Equal(900m, body["data"]!["userBalance"].Decimal());
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        var command = Fixture.Settlement.Received.Single(c => c.PayoutId == payoutUuid);
        Assert.Equal(DestinationKind.BankAccount, command.DestinationKind);
        Assert.Equal(accountId, command.DestinationId);
        Assert.Equal(100m, command.Amount);
        Assert.StartsWith("PAY-", command.Reference, StringComparison.Ordinal);
        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);
        Assert.Equal(FakeSettlement.TransferIdFor(payoutUuid), completed.TransactionReference);
        // Where it was paid, by id: NotificationService names the account (masked) to the user.
        Assert.Equal<(DestinationKind?, long?)>((DestinationKind.BankAccount, accountId), (completed.DestinationKind, completed.DestinationId));
        Assert.Equal("Completed", await SagaStateAsync(payoutUuid));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.UserTransactions.CountAsync(t => t.PayoutId == payoutId && t.Type == "withdrawal")));
    }

    [Fact]
    public async Task A_settlement_failure_fails_the_payout_releases_the_hold_and_keeps_the_reason()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        Fixture.Settlement.FailNext(payoutUuid, "account_closed", "Beneficiary account is closed");
        using var admin = Fixture.AdminClient();

        var (processed, body) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()));

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("failed", body["status"].Str());
        Assert.Contains("Beneficiary account is closed", body["failure_reason"].Str(), StringComparison.Ordinal);
        Assert.Equal("failed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        var failed = await Fixture.Events.WaitForAsync<PayoutFailed>(e => e.PayoutId == payoutUuid);
        Assert.Equal("account_closed", failed.Code);
        Assert.Equal("Failed", await SagaStateAsync(payoutUuid));
        // No withdrawal: the money did not leave. The activity shows the request and its failure (seed 004).
        Assert.Equal(["payout_failed:failed", "payout_request:pending"], await Fixture.QueryAsync(db => db.UserTransactions
            .Where(t => t.PayoutId == payoutId).OrderByDescending(t => t.Id).Select(t => t.Type + ":" + t.Status).ToListAsync()));
    }

    [Fact]
    public async Task A_slow_settlement_answers_202_processing_and_completes_when_the_outcome_arrives()
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        Fixture.Settlement.Hold(payoutUuid);
        using var admin = Fixture.AdminClient();
        using var user = Fixture.ClientFor(userId);

        var (processed, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { });

        Assert.Equal(HttpStatusCode.Accepted, processed.StatusCode);
        Assert.Equal("processing", body["data"]!["status"].Str());
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
        // While processing it can be neither cancelled, rejected nor processed again.
        var (cancel, cancelBody) = await user.PostFormAsync("/api/action/payout/cancel/", ("payout_id", payoutId.Text()));
        Assert.Equal("payout_cannot_be_cancelled", cancelBody["error"].Str());
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        var (again, againBody) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { transactionReference = "TXN-LATE" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Payout has already been processed", againBody["message"].Str());

        await Fixture.Bus.Publish(new PayoutSettled(payoutUuid, "TRF-LATE", 100m, "USD", DateTimeOffset.UtcNow));
        await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));

        // A duplicate outcome (at-least-once delivery) changes nothing.
        await Fixture.Bus.Publish(new PayoutSettlementFailed(payoutUuid, "late", "duplicate after success", DateTimeOffset.UtcNow));
        await Fixture.Bus.Publish(new PayoutSettled(payoutUuid, "TRF-LATE", 100m, "USD", DateTimeOffset.UtcNow));
        var (history, historyBody) = await user.PostFormAsync("/api/get/payouts/");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Equal("completed", historyBody["payouts"]![0]!["status"].Str());
        Assert.Equal("TRF-LATE", historyBody["payouts"]![0]!["transaction_id"].Str());
    }

    [Fact]
    public async Task A_check_payout_has_no_provider_rail_and_must_be_processed_with_a_reference()
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        using var user = Fixture.ClientFor(userId);
        var (_, requested) = await user.PostJsonAsync("/api/action/payout/", new { amount = "100", method = "check" });
        var payoutId = requested["payout_id"]!.GetValue<long>();
        using var admin = Fixture.AdminClient();

        var (refused, refusedBody) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("validation_error", refusedBody["error"].Str());
        Assert.Equal("transaction_id", refusedBody["field"].Str());
        Assert.Equal("pending", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 100m, 0m), await Fixture.BalancesAsync(userId));
        Assert.DoesNotContain(Fixture.Settlement.Received, c => c.Reference == requested["reference"].Str());

        var (processed, processedBody) = await admin.PostFormAsync("/api/payouts/process/", ("payout_id", payoutId.Text()), ("transaction_id", "CHK-1001"));
        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("CHK-1001", processedBody["transaction_id"].Str());
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
    }

    [Theory]
    [InlineData("paypal", "paypal_email", "payee@example.com", DestinationKind.PayPal)]
    [InlineData("stripe", "stripe_account", "acct_1PayeeConnected", DestinationKind.Stripe)]
    public async Task PayPal_and_Stripe_payouts_settle_through_the_provider_with_the_recipient_handle(string method, string field, string handle,
        DestinationKind kind)
    {
        var userId = await Fixture.NewFundedUserAsync(1000m);
        using var user = Fixture.ClientFor(userId);
        var (requestedResponse, requested) = await user.PostJsonAsync("/api/action/payout/",
            new Dictionary<string, string> { ["amount"] = "100", ["method"] = method, [field] = handle });
        Assert.Equal(HttpStatusCode.OK, requestedResponse.StatusCode);
        var payoutUuid = Guid.Parse(requested["payout_uuid"].Str());
        using var admin = Fixture.AdminClient();

        var (processed, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { });

        Assert.Equal(HttpStatusCode.OK, processed.StatusCode);
        Assert.Equal("completed", body["data"]!["status"].Str());
        Assert.Equal(FakeSettlement.TransferIdFor(payoutUuid), body["data"]!["transactionReference"].Str());
        var command = Fixture.Settlement.Received.Single(c => c.PayoutId == payoutUuid);
        Assert.Equal(kind, command.DestinationKind);
        Assert.Equal(0, command.DestinationId);
        Assert.Equal(handle, command.RecipientHandle);
        Assert.Equal(method, command.Method);
        // The method's 2.9 % fee stays with the platform; the recipient gets the net.
        Assert.Equal(97.10m, command.Amount);
        Assert.Equal("USD", command.Currency);
        Assert.Equal((900m, 0m, 97.10m), await Fixture.BalancesAsync(userId));
    }

    private Task<string?> SagaStateAsync(Guid payoutUuid) => Fixture.QueryAsync(db =>
        db.Set<Payouts.PayoutService.Messaging.PayoutState>().AsNoTracking().Where(s => s.CorrelationId == payoutUuid).Select(s => (string?)s.CurrentState).SingleOrDefaultAsync());
}
