using Payouts.Contracts.BankAccounts;
using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;

namespace Payouts.NotificationService.Tests;

[Collection(NotificationServiceCollection.Name)]
public sealed class BankAccountNotificationTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task Account_events_and_micro_deposit_outcomes_are_told_to_the_accounts_user_with_the_masked_number()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var (verifiedAccount, failedAccount) = (NotificationServiceFixture.NewId(), NotificationServiceFixture.NewId());
        using var user = fixture.ClientFor(userId);
        await fixture.PublishAsync(Events.AccountAdded(userId, verifiedAccount, at: Events.Start));
        await fixture.PublishAsync(Events.AccountAdded(userId, failedAccount, at: Events.Start.AddMinutes(1)));
        await user.WaitForListAsync(2);

        await fixture.PublishAsync(new MicroDepositsSent(Guid.NewGuid(), verifiedAccount, Events.Start.AddMinutes(2)));
        await fixture.PublishAsync(new BankAccountVerified(verifiedAccount, Guid.NewGuid(), userId, Events.Start.AddMinutes(3)));
        await fixture.PublishAsync(new MicroDepositsFailed(Guid.NewGuid(), failedAccount, "account_closed", "Provider says: acct 000123456789 closed",
            Events.Start.AddMinutes(4)));

        var list = await user.WaitForListAsync(5);
        Assert.Equal(["bank_account.micro_deposits_failed", "bank_account.verified", "bank_account.micro_deposits_sent", "bank_account.added",
            "bank_account.added"], Types(list));
        Assert.Equal("Bank account Chase ****6789 was added.", Items(list)[^1].GetProperty("message").GetString());
        Assert.Equal("Two small deposits were sent to Chase ****6789: confirm their amounts to verify the account.",
            OfType(list, "bank_account.micro_deposits_sent").GetProperty("message").GetString());
        var verified = OfType(list, "bank_account.verified");
        Assert.Equal("Bank account Chase ****6789 is verified: payouts can be sent to it.", verified.GetProperty("message").GetString());
        Assert.Equal(("bank_account", verifiedAccount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (verified.GetProperty("object_type").GetString(), verified.GetProperty("object_id").GetString()));
        // The provider's free text (which could hold anything, an account number included) is not shown.
        var failed = OfType(list, "bank_account.micro_deposits_failed").GetProperty("message").GetString()!;
        Assert.StartsWith("The verification deposits to Chase ****6789 could not be made.", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("000123456789", list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verification_that_failed_for_good_is_told_once_to_the_accounts_user_only()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var accountId = NotificationServiceFixture.NewId();
        using var user = fixture.ClientFor(userId);
        using var otherUser = fixture.ClientFor(NotificationServiceFixture.NewUserId());
        await fixture.PublishAsync(Events.AccountAdded(userId, accountId, at: Events.Start));
        await user.WaitForListAsync(1);

        var failed = Events.VerificationFailed(userId, accountId);
        var messageId = await fixture.PublishAsync(failed);
        await fixture.PublishAsync(failed, messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);

        var list = await user.ListAsync();
        Assert.Equal(["bank_account.verification_failed", "bank_account.added"], Types(list));
        var told = OfType(list, "bank_account.verification_failed");
        Assert.Equal("Verification of Chase ****6789 failed: the deposit amounts were entered wrong too many times. Submit the account again to get new deposits.",
            told.GetProperty("message").GetString());
        Assert.Equal(("bank_account", accountId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (told.GetProperty("object_type").GetString(), told.GetProperty("object_id").GetString()));
        Assert.Equal(0, Total(await otherUser.ListAsync()));
    }

    [Fact]
    public async Task An_outcome_that_arrives_before_its_account_is_told_once_the_account_is_known()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var accountId = NotificationServiceFixture.NewId();
        using var user = fixture.ClientFor(userId);

        // Settlement's outbox can beat BankAccountService's: the outcome is retried until BankAccountAdded lands.
        await fixture.PublishAsync(new MicroDepositsSent(Guid.NewGuid(), accountId, Events.Start.AddMinutes(2)));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        await fixture.PublishAsync(Events.AccountAdded(userId, accountId, at: Events.Start));

        var list = await user.WaitForListAsync(2);
        Assert.Equal(["bank_account.micro_deposits_sent", "bank_account.added"], Types(list));
    }
}
