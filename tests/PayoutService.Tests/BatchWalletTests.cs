using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Batches;
using Payouts.PayoutService.Tests.Support;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests;

/// <summary>
/// The company wallet's side of bulk batches, driven as BatchService drives it over the real broker: the queries, one
/// hold per batch, each recipient paid once (a platform user in the ledger, any other email through the payout saga and
/// settlement's email rail), and the release of what is left. The ledger's invariants are checked after each test.
/// </summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class BatchWalletTests(PayoutServiceFixture fixture) : PayoutServiceTest(fixture)
{
    [Fact]
    public async Task The_wallet_query_answers_available_and_held_and_zeros_for_an_unknown_company()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        await Fixture.ReservedBatchAsync(company, 300m);

        var wallet = await Fixture.AskAsync<GetCompanyWallet, CompanyWallet>(new GetCompanyWallet(company, "usd"));
        var unknown = await Fixture.AskAsync<GetCompanyWallet, CompanyWallet>(new GetCompanyWallet(Companies.NewCompany(), "USD"));

        Assert.Equal((company, "USD", 700m, 300m), (wallet.CompanyId, wallet.Currency, wallet.Available, wallet.Held));
        Assert.Equal((0m, 0m), (unknown.Available, unknown.Held));
    }

    [Fact]
    public async Task The_platform_user_query_matches_a_directory_email_whatever_its_case()
    {
        var userId = await Fixture.NewFundedUserAsync(0m);

        var found = await Fixture.AskAsync<FindPlatformUser, PlatformUserLookup>(new FindPlatformUser($"  USER{userId}@Example.COM "));
        var missing = await Fixture.AskAsync<FindPlatformUser, PlatformUserLookup>(new FindPlatformUser($"nobody-{Guid.NewGuid():N}@example.com"));

        Assert.True(found.Exists);
        Assert.False(missing.Exists);
    }

    [Fact]
    public async Task Reserving_holds_the_batch_total_once_whatever_is_redelivered_or_repeated()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var batchId = Guid.NewGuid();
        var command = new ReserveBatchFunds(batchId, company, 400m, "USD");
        var messageId = Guid.NewGuid();

        await Fixture.SendCommandAsync(command, messageId);
        var reserved = await Fixture.Events.WaitForAsync<BatchFundsReserved>(e => e.BatchId == batchId);
        // The same message redelivered, then a new message for the same batch.
        await Fixture.SendCommandAsync(command, messageId);
        await Fixture.SendCommandAsync(command);
        await Eventually.HoldsAsync(() => Task.FromResult(Fixture.Events.OfType<BatchFundsReserved>().Count(e => e.BatchId == batchId) == 2),
            "the repeated reserve to be answered", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        Assert.Equal((company, 400m, "USD"), (reserved.CompanyId, reserved.Amount, reserved.Currency));
        Assert.Equal((600m, 400m, 0m), await Fixture.CompanyBalancesAsync(company));
        Assert.Equal(1, await Fixture.QueryAsync(db => db.LedgerTransactions.CountAsync(t => t.Type == "batch_hold" && t.Reference == $"batch-{batchId}")));
    }

    [Fact]
    public async Task A_batch_the_wallet_cannot_cover_is_refused_with_the_real_figures_and_holds_nothing()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 500m);
        var batchId = Guid.NewGuid();

        await Fixture.SendCommandAsync(new ReserveBatchFunds(batchId, company, 1000m, "USD"));
        var refused = await Fixture.Events.WaitForAsync<BatchFundsRefused>(e => e.BatchId == batchId);

        Assert.Equal((1000m, 500m), (refused.Required, refused.Available));
        Assert.Equal((500m, 0m, 0m), await Fixture.CompanyBalancesAsync(company));
        Assert.DoesNotContain(Fixture.Events.OfType<BatchFundsReserved>(), e => e.BatchId == batchId);
    }

    [Fact]
    public async Task Two_batches_racing_for_one_wallet_cannot_both_be_held()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await Task.WhenAll(
            Fixture.SendCommandAsync(new ReserveBatchFunds(first, company, 700m, "USD")),
            Fixture.SendCommandAsync(new ReserveBatchFunds(second, company, 700m, "USD")));
        await Eventually.HoldsAsync(() => Task.FromResult(
                Fixture.Events.OfType<BatchFundsReserved>().Count(e => e.BatchId == first || e.BatchId == second)
                + Fixture.Events.OfType<BatchFundsRefused>().Count(e => e.BatchId == first || e.BatchId == second) == 2),
            "both reserves to be answered", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        var refused = Assert.Single(Fixture.Events.OfType<BatchFundsRefused>(), e => e.BatchId == first || e.BatchId == second);
        Assert.Equal((700m, 300m), (refused.Required, refused.Available));
        Assert.Single(Fixture.Events.OfType<BatchFundsReserved>(), e => e.BatchId == first || e.BatchId == second);
        Assert.Equal((300m, 700m, 0m), await Fixture.CompanyBalancesAsync(company));
    }

    [Fact]
    public async Task A_platform_user_recipient_is_credited_from_the_hold_once_with_an_activity_entry()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var userId = await Fixture.NewFundedUserAsync(20m);
        var batchId = await Fixture.ReservedBatchAsync(company, 300m);
        var recipient = BatchWallet.Recipient(batchId, company, $"User{userId}@EXAMPLE.com", 120m);

        await Fixture.SendCommandAsync(recipient);
        var paid = await Fixture.Events.WaitForAsync<BatchRecipientPaid>(e => e.RecipientId == recipient.RecipientId);
        // Asked again (a new message, as after the saga restarted): answered again, paid nothing more.
        await Fixture.SendCommandAsync(recipient);
        await Eventually.HoldsAsync(() => Task.FromResult(Fixture.Events.OfType<BatchRecipientPaid>().Count(e => e.RecipientId == recipient.RecipientId) == 2),
            "the repeated payment to be answered", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        Assert.Equal((BatchRecipientRail.PlatformUser, (Guid?)null), (paid.Rail, paid.PayoutId));
        Assert.Equal((140m, 0m, 0m), await Fixture.BalancesAsync(userId));
        Assert.Equal((700m, 180m, 0m), await Fixture.CompanyBalancesAsync(company));
        var activity = await Fixture.QueryAsync(db => db.UserTransactions.Where(t => t.UserId == userId && t.Reference == recipient.BatchReference).ToListAsync());
        var entry = Assert.Single(activity);
        Assert.Equal(("credit", "completed", 120m, "USD"), (entry.Type, entry.Status, entry.Amount, entry.Currency));
        Assert.Contains("March payouts", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_recipient_is_paid_through_the_email_rail_from_the_hold_without_an_admin()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var batchId = await Fixture.ReservedBatchAsync(company, 300m);
        var recipient = BatchWallet.Recipient(batchId, company, $"payee-{Guid.NewGuid():N}@example.org", 75.50m);

        await Fixture.SendCommandAsync(recipient);
        var paid = await Fixture.Events.WaitForAsync<BatchRecipientPaid>(e => e.RecipientId == recipient.RecipientId);

        Assert.Equal(BatchRecipientRail.Email, paid.Rail);
        var payoutUuid = paid.PayoutId ?? throw new InvalidOperationException("An email payment names its payout.");
        Assert.Equal(FakeSettlement.TransferIdFor(payoutUuid), paid.TransactionReference);
        var command = Fixture.Settlement.Received.Single(c => c.PayoutId == payoutUuid);
        Assert.Equal((Payouts.Contracts.Settlement.DestinationKind.PayPal, recipient.Email, 75.50m), (command.DestinationKind, command.RecipientHandle, command.Amount));
        var payout = await Fixture.QueryAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.Uuid == payoutUuid));
        Assert.Equal(("completed", "paypal", company, true, $"batch:{batchId}"), (payout.Status, payout.Method, payout.CompanyId, payout.CompanyWallet, payout.ProcessedBy));
        // Funded by the batch's hold: available untouched by the payout, held down and paid up by its amount.
        Assert.Equal((700m, 224.50m, 75.50m), await Fixture.CompanyBalancesAsync(company));
    }

    [Fact]
    public async Task An_email_recipient_the_provider_refuses_fails_and_its_share_returns_to_available()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var batchId = await Fixture.ReservedBatchAsync(company, 300m);
        var recipient = BatchWallet.Recipient(batchId, company, FakeSettlement.SandboxClosedEmail, 50m);

        await Fixture.SendCommandAsync(recipient);
        var failed = await Fixture.Events.WaitForAsync<BatchRecipientFailed>(e => e.RecipientId == recipient.RecipientId);

        Assert.Contains("closed", failed.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((750m, 250m, 0m), await Fixture.CompanyBalancesAsync(company));
        Assert.DoesNotContain(Fixture.Events.OfType<BatchRecipientPaid>(), e => e.RecipientId == recipient.RecipientId);
    }

    [Fact]
    public async Task Releasing_after_a_mix_of_outcomes_returns_the_rest_and_the_wallet_is_debited_by_what_was_paid()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var userId = await Fixture.NewFundedUserAsync(0m);
        var batchId = await Fixture.ReservedBatchAsync(company, 600m);
        var toUser = BatchWallet.Recipient(batchId, company, $"user{userId}@example.com", 100m);
        var byEmail = BatchWallet.Recipient(batchId, company, $"payee-{Guid.NewGuid():N}@example.org", 150m);
        var closed = BatchWallet.Recipient(batchId, company, FakeSettlement.SandboxClosedEmail, 50m);

        await Task.WhenAll(Fixture.SendCommandAsync(toUser), Fixture.SendCommandAsync(byEmail), Fixture.SendCommandAsync(closed));
        await Fixture.Events.WaitForAsync<BatchRecipientPaid>(e => e.RecipientId == toUser.RecipientId);
        await Fixture.Events.WaitForAsync<BatchRecipientPaid>(e => e.RecipientId == byEmail.RecipientId);
        await Fixture.Events.WaitForAsync<BatchRecipientFailed>(e => e.RecipientId == closed.RecipientId);
        var release = new ReleaseBatchFunds(batchId, company, "USD");
        await Fixture.SendCommandAsync(release);
        var released = await Fixture.Events.WaitForAsync<BatchFundsReleased>(e => e.BatchId == batchId);
        await Fixture.SendCommandAsync(release);
        await Eventually.HoldsAsync(() => Task.FromResult(Fixture.Events.OfType<BatchFundsReleased>().Count(e => e.BatchId == batchId) == 2),
            "the repeated release to be answered", TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));

        Assert.Equal(300m, released.Released);
        Assert.All(Fixture.Events.OfType<BatchFundsReleased>().Where(e => e.BatchId == batchId), e => Assert.Equal(300m, e.Released));
        // Funded 1000, paid 100 to the user and 150 by email: 750 available, nothing held.
        Assert.Equal((750m, 0m, 150m), await Fixture.CompanyBalancesAsync(company));
        Assert.Equal((100m, 0m, 0m), await Fixture.BalancesAsync(userId));

        // A recipient asked for after the release cannot be paid from it.
        var late = BatchWallet.Recipient(batchId, company, $"user{userId}@example.com", 10m);
        await Fixture.SendCommandAsync(late);
        var refused = await Fixture.Events.WaitForAsync<BatchRecipientFailed>(e => e.RecipientId == late.RecipientId);
        Assert.Equal("The batch's funds were released", refused.Reason);
        Assert.Equal((100m, 0m, 0m), await Fixture.BalancesAsync(userId));
    }

    [Fact]
    public async Task Releasing_a_batch_never_held_releases_zero_and_a_later_reserve_holds_nothing()
    {
        var company = Companies.NewCompany();
        await Fixture.FundCompanyAsync(company, 1000m);
        var batchId = Guid.NewGuid();

        await Fixture.SendCommandAsync(new ReleaseBatchFunds(batchId, company, "USD"));
        var released = await Fixture.Events.WaitForAsync<BatchFundsReleased>(e => e.BatchId == batchId);
        await Fixture.SendCommandAsync(new ReserveBatchFunds(batchId, company, 200m, "USD"));
        await Fixture.Events.WaitForAsync<BatchFundsRefused>(e => e.BatchId == batchId);

        Assert.Equal(0m, released.Released);
        Assert.Equal((1000m, 0m, 0m), await Fixture.CompanyBalancesAsync(company));
    }
}
