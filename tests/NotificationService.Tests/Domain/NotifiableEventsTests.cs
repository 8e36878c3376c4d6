using System.Text.Json;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Domain;
using Payouts.NotificationService.Tests.Support;

namespace Payouts.NotificationService.Tests.Domain;

/// <summary>How an event becomes a notifiable one, without a broker: whom it tells and in what words.</summary>
public sealed class NotifiableEventsTests
{
    private static readonly KnownBankAccount Account = new() { Id = 7, UserId = "11", CompanyId = "c-1", BankName = "Chase", MaskedAccountNumber = "****6789" };

    [Fact]
    public void A_bulk_batch_payout_tells_no_one_and_a_users_payout_tells_that_user_and_its_company()
    {
        var payoutId = Guid.NewGuid();

        Assert.Null(NotifiableEvents.Of(Events.Requested(NotifiableEvents.NoRequestingUser, payoutId, "PO-1", companyId: "c-1"), null));
        Assert.Null(NotifiableEvents.Of(Events.Completed(NotifiableEvents.NoRequestingUser, payoutId, "PO-1")));
        var requested = NotifiableEvents.Of(Events.Requested("11", payoutId, "PO-1", companyId: "c-1"), null)!;
        Assert.Equal(Audience.User("11", "c-1"), requested.Audience);
        Assert.Equal("Your payout PO-1 of 250.50 USD was requested.", requested.Message);
    }

    [Fact]
    public void A_batch_is_its_companys_and_amounts_are_written_as_money()
    {
        var approved = NotifiableEvents.Of(Events.BatchApproved("c-1", Guid.NewGuid(), "PB-1") with { Total = 1000.125m, Currency = "KWD", Recipients = [] });

        Assert.Equal(Audience.Company("c-1"), approved.Audience);
        Assert.Equal("Batch PB-1 of 1000.125 KWD to 0 recipients was approved.", approved.Message);
    }

    [Fact]
    public void A_verification_of_an_account_not_heard_of_is_still_told_without_naming_it()
    {
        var verified = NotifiableEvents.Of(new BankAccountVerified(7, Guid.NewGuid(), "11", Events.Start), account: null);

        Assert.Equal(Audience.User("11", null), verified.Audience);
        Assert.Equal("Your bank account is verified: payouts can be sent to it.", verified.Message);
        Assert.Equal(Audience.User("11", "c-1"), NotifiableEvents.Of(new BankAccountVerified(7, Guid.NewGuid(), "11", Events.Start), Account).Audience);
    }

    [Fact]
    public void A_failed_batch_says_why_nobody_was_paid()
    {
        var nobodyPaid = NotifiableEvents.Of(new BatchFinished(Guid.NewGuid(), "c-1", "PB-1", BatchEndStatus.Failed, 60m, "USD", 0, 0m, 1, 60m, null, Events.Start));
        var refused = NotifiableEvents.Of(new BatchFinished(Guid.NewGuid(), "c-1", "PB-2", BatchEndStatus.Failed, 80m, "USD", 0, 0m, 1, 80m,
            "Insufficient wallet balance. Required: $80.00, Available: $20.00", Events.Start));

        Assert.Equal((Audience.Company("c-1"), NotificationTypes.BatchCompleted, "failed"), (nobodyPaid.Audience, nobodyPaid.Type, nobodyPaid.Status));
        Assert.Equal("Batch PB-1 of 60 USD failed: its recipient could not be paid. Its amount is back in the wallet.", nobodyPaid.Message);
        Assert.Equal("Batch PB-2 of 80 USD failed: Insufficient wallet balance. Required: $80.00, Available: $20.00. Nothing was paid.", refused.Message);
    }

    [Fact]
    public void A_manual_payment_is_its_billing_accounts_a_companys_or_an_individuals()
    {
        Assert.Equal(Audience.Company("c-1"), NotifiableEvents.Of(Events.PaymentApproved(5, "c-1", null)).Audience);
        var individual = NotifiableEvents.Of(Events.PaymentApproved(5, null, "11"));
        Assert.Equal(Audience.User("11"), individual.Audience);
        Assert.Equal("Your payment of 2500 USD for invoice INV-2026-0042 was approved: the amount was added to your balance.", individual.Message);
    }

    [Fact]
    public void An_expired_verification_without_more_rounds_says_so_without_naming_an_unknown_account()
    {
        var failed = NotifiableEvents.Of(Events.VerificationFailed("11", 7, status: "expired", newDeposits: false), account: null);

        Assert.Equal(Audience.User("11", null), failed.Audience);
        Assert.Equal("Verification of your bank account failed: the deposit amounts were not confirmed in time. No more deposits can be sent to it; contact support.",
            failed.Message);
    }

    [Fact]
    public void Webhook_payloads_carry_the_status_each_new_event_leaves_its_object_in()
    {
        string? StatusIn(NotifiableEvent e) =>
            JsonDocument.Parse(WebhookPayload.Build(Guid.NewGuid(), e)).RootElement.GetProperty("data").GetProperty("status").GetString();

        Assert.Equal("ready", StatusIn(NotifiableEvents.Of(Events.BatchReady("c-1", Guid.NewGuid(), "PB-1"))));
        Assert.Equal("completed", StatusIn(NotifiableEvents.Of(Events.BatchCompleted("c-1", Guid.NewGuid(), "PB-1"))));
        Assert.Equal("succeeded", StatusIn(NotifiableEvents.Of(Events.PaymentApproved(5, "c-1", null))));
        Assert.Equal("failed", StatusIn(NotifiableEvents.Of(Events.PaymentDeclined(5, "c-1", null))));
        Assert.Equal("verification_failed", StatusIn(NotifiableEvents.Of(Events.VerificationFailed("11", 7), Account)));
        var payment = JsonDocument.Parse(WebhookPayload.Build(Guid.NewGuid(), NotifiableEvents.Of(Events.PaymentApproved(5, "c-1", null)))).RootElement.GetProperty("data");
        Assert.Equal(("payment", "5", "INV-2026-0042"), (payment.GetProperty("object").GetString(), payment.GetProperty("id").GetString(),
            payment.GetProperty("reference").GetString()));
    }

    [Fact]
    public void A_micro_deposit_failure_does_not_repeat_the_providers_text()
    {
        var failed = NotifiableEvents.Of(new MicroDepositsFailed(Guid.NewGuid(), 7, "refused", "acct 123456789012 refused by bank", Events.Start), Account);

        Assert.Equal(NotificationTypes.MicroDepositsFailed, failed.Type);
        Assert.DoesNotContain("123456789012", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Chase ****6789", failed.Message, StringComparison.Ordinal);
    }
}
