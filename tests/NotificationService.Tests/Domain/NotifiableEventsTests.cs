using Payouts.Contracts.BankAccounts;
using Payouts.NotificationService.Application;
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
    public void A_micro_deposit_failure_does_not_repeat_the_providers_text()
    {
        var failed = NotifiableEvents.Of(new MicroDepositsFailed(Guid.NewGuid(), 7, "refused", "acct 123456789012 refused by bank", Events.Start), Account);

        Assert.Equal(NotificationTypes.MicroDepositsFailed, failed.Type);
        Assert.DoesNotContain("123456789012", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Chase ****6789", failed.Message, StringComparison.Ordinal);
    }
}
