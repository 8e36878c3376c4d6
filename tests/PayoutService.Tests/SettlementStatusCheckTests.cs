using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Messaging;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// A payout stuck in processing past <c>Payouts:Processing:StatusCheckAfter</c> (2 s here): the sweep asks settlement
/// (a test consumer on the real bus answers <see cref="GetSettlementStatus"/>) and the saga acts on each answer.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class SettlementStatusCheckTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    private async Task<(long UserId, long PayoutId, Guid PayoutUuid)> ProcessingPayoutAsync(Action<Guid> plan)
    {
        var (userId, _, payoutId, payoutUuid) = await Fixture.PendingPayoutAsync(1000m, 100m);
        plan(payoutUuid);
        using var admin = Fixture.AdminClient();
        var (processed, body) = await admin.PostJsonAsync($"/api/admin/payouts/{payoutUuid}/process", new { });
        Assert.True(processed.IsSuccessStatusCode, body.ToJsonString());
        return (userId, payoutId, payoutUuid);
    }

    private Task<PayoutState> SagaAsync(Guid payoutUuid) =>
        Fixture.QueryAsync(db => db.Set<PayoutState>().AsNoTracking().SingleAsync(s => s.CorrelationId == payoutUuid));

    [Fact]
    public async Task Completed_answer_completes_the_payout_with_the_provider_transfer_id()
    {
        var (userId, payoutId, payoutUuid) = await ProcessingPayoutAsync(id =>
        {
            Fixture.Settlement.Hold(id);
            Fixture.Settlement.AnswerStatus(id, _ => FakeSettlement.Status(id, "completed", "TRF-FROM-STATUS"));
        });

        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);

        Assert.Equal("TRF-FROM-STATUS", completed.TransactionReference);
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        var saga = await SagaAsync(payoutUuid);
        Assert.Equal("Completed", saga.CurrentState);
        Assert.True(saga.StatusChecks >= 1);
        Assert.Null(saga.StatusCheckDueAt);
        Assert.Equal(1, await Fixture.QueryAsync(db => db.UserTransactions.CountAsync(t => t.PayoutId == payoutId && t.Type == "withdrawal")));

        // The provider's own outcome arriving afterwards (or a contradicting answer) changes nothing: paid once.
        await Fixture.Bus.Publish(new PayoutSettled(payoutUuid, "TRF-FROM-STATUS", 100m, "USD", DateTimeOffset.UtcNow));
        await Fixture.Bus.Publish(FakeSettlement.Status(payoutUuid, "failed", null, "late", "late answer"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        Assert.Single(Fixture.Events.OfType<PayoutCompleted>(), e => e.PayoutId == payoutUuid);
    }

    [Fact]
    public async Task Failed_answer_fails_the_payout_and_releases_the_hold()
    {
        var (userId, payoutId, payoutUuid) = await ProcessingPayoutAsync(id =>
        {
            Fixture.Settlement.Hold(id);
            Fixture.Settlement.AnswerStatus(id, _ => FakeSettlement.Status(id, "failed", null, "account_closed", "Beneficiary account is closed"));
        });

        var failed = await Fixture.Events.WaitForAsync<PayoutFailed>(e => e.PayoutId == payoutUuid);

        Assert.Equal("account_closed", failed.Code);
        Assert.Equal("failed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((1000m, 0m, 0m), await Fixture.BalancesAsync(userId));
        var saga = await SagaAsync(payoutUuid);
        Assert.Equal("Failed", saga.CurrentState);
        Assert.Contains("Beneficiary account is closed", saga.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_answer_sends_the_settlement_command_again_and_the_payout_is_paid_once()
    {
        // The first SettlePayout is lost before settlement stored it; the fake then answers not_found.
        var (userId, payoutId, payoutUuid) = await ProcessingPayoutAsync(id => Fixture.Settlement.LoseFirst(id));

        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid);

        Assert.Equal(FakeSettlement.TransferIdFor(payoutUuid), completed.TransactionReference);
        var commands = Fixture.Settlement.Received.Where(c => c.PayoutId == payoutUuid).ToList();
        Assert.Equal(2, commands.Count);
        Assert.Equal(commands[0], commands[1]);
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        Assert.Equal(SettlementStatus.NotFound, (await SagaAsync(payoutUuid)).LastSettlementStatus);
    }

    [Fact]
    public async Task No_answer_and_pending_answers_ask_again_later_until_an_outcome()
    {
        var (userId, payoutId, payoutUuid) = await ProcessingPayoutAsync(id =>
        {
            Fixture.Settlement.Hold(id);
            Fixture.Settlement.AnswerStatus(id, attempt => attempt switch
            {
                1 => null, // settlement did not answer
                2 => FakeSettlement.Status(id, "pending", null),
                3 => FakeSettlement.Status(id, "unknown", null),
                _ => FakeSettlement.Status(id, "completed", "TRF-AFTER-RECONCILIATION"),
            });
        });

        var completed = await Fixture.Events.WaitForAsync<PayoutCompleted>(e => e.PayoutId == payoutUuid, TimeSpan.FromSeconds(30));

        Assert.Equal("TRF-AFTER-RECONCILIATION", completed.TransactionReference);
        Assert.True(Fixture.Settlement.StatusQueries(payoutUuid) >= 4);
        Assert.Equal((900m, 0m, 100m), await Fixture.BalancesAsync(userId));
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));
        // Only one settlement command: pending and unknown are not reasons to send again.
        Assert.Single(Fixture.Settlement.Received, c => c.PayoutId == payoutUuid);
    }

    [Fact]
    public async Task Concurrent_sweeps_ask_once_per_due_payout()
    {
        var (_, _, payoutUuid) = await ProcessingPayoutAsync(id =>
        {
            Fixture.Settlement.Hold(id);
            Fixture.Settlement.AnswerStatus(id, _ => FakeSettlement.Status(id, "pending", null));
        });
        var sweep = Fixture.Services.GetServices<IHostedService>().OfType<SettlementStatusSweep>().Single();
        // Processing waited 3 s, so checks already ran: park the row, let answers land, then count from here.
        await SetDueAsync(payoutUuid, TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var queriesBefore = Fixture.Settlement.StatusQueries(payoutUuid);
        var checksBefore = (await SagaAsync(payoutUuid)).StatusChecks;
        await SetDueAsync(payoutUuid, TimeSpan.FromSeconds(-1));

        // Three sweeps at once (two here, as other replicas would, and the service's own): the row is taken by one.
        var asked = await Task.WhenAll(sweep.AskDueAsync(CancellationToken.None), sweep.AskDueAsync(CancellationToken.None));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Fixture.Settlement.StatusQueries(payoutUuid) == queriesBefore && DateTime.UtcNow < deadline) await Task.Delay(20);
        // Well inside the 1 s re-ask interval: a second query now could only come from a second sweep taking the row.
        await Task.Delay(TimeSpan.FromMilliseconds(400));

        Assert.True(asked.Sum() <= 1);
        Assert.Equal(queriesBefore + 1, Fixture.Settlement.StatusQueries(payoutUuid));
        Assert.Equal(checksBefore + 1, (await SagaAsync(payoutUuid)).StatusChecks);
    }

    private Task SetDueAsync(Guid payoutUuid, TimeSpan fromNow) => Fixture.QueryAsync(db => db.Database.ExecuteSqlAsync(
        $"UPDATE payout_saga SET status_check_due_at = now() + {fromNow} WHERE correlation_id = {payoutUuid}"));

    [Fact]
    public async Task A_payout_settled_in_time_is_never_asked_about()
    {
        var (_, payoutId, payoutUuid) = await ProcessingPayoutAsync(_ => { });
        Assert.Equal("completed", await Fixture.StatusAsync(payoutId));

        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(0, Fixture.Settlement.StatusQueries(payoutUuid));
        Assert.Equal(0, (await SagaAsync(payoutUuid)).StatusChecks);
    }
}
