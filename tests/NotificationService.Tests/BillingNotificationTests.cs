using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;

namespace Payouts.NotificationService.Tests;

/// <summary>An admin's decision on a manual payment, told to the billing account: a company's members, or the individual.</summary>
[Collection(NotificationServiceCollection.Name)]
public sealed class BillingNotificationTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task An_approved_company_payment_is_told_once_to_every_member_and_no_other_company()
    {
        var companyId = NotificationServiceFixture.NewCompanyId();
        var paymentId = NotificationServiceFixture.NewId();
        using var member = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var otherCompany = fixture.ClientFor(NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());

        var approved = Events.PaymentApproved(paymentId, companyId, userId: null);
        var messageId = await fixture.PublishAsync(approved);
        await fixture.PublishAsync(approved, messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);

        foreach (var reader in new[] { member, colleague })
        {
            var told = Assert.Single(Items(await reader.ListAsync()));
            Assert.Equal("manual_payment.approved", told.GetProperty("type").GetString());
            Assert.Equal("Your payment of 2500 USD for invoice INV-2026-0042 was approved: the amount was added to the company wallet.",
                told.GetProperty("message").GetString());
            Assert.Equal(("payment", paymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), "INV-2026-0042", 2500m, "USD"),
                (told.GetProperty("object_type").GetString(), told.GetProperty("object_id").GetString(), told.GetProperty("reference").GetString(),
                    told.GetProperty("amount").GetDecimal(), told.GetProperty("currency").GetString()));
        }

        Assert.Equal(0, Total(await otherCompany.ListAsync()));
    }

    [Fact]
    public async Task A_declined_individual_payment_is_told_once_to_that_user_only_with_the_reason()
    {
        var userId = NotificationServiceFixture.NewUserId();
        using var user = fixture.ClientFor(userId);
        using var otherUser = fixture.ClientFor(NotificationServiceFixture.NewUserId());

        var declined = Events.PaymentDeclined(NotificationServiceFixture.NewId(), companyId: null, userId);
        var messageId = await fixture.PublishAsync(declined);
        await fixture.PublishAsync(declined, messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);

        var told = Assert.Single(Items(await user.ListAsync()));
        Assert.Equal("manual_payment.declined", told.GetProperty("type").GetString());
        Assert.Equal("Your payment of 100.50 USD for invoice INV-2026-0043 was declined: No matching bank credit. The invoice is still unpaid.",
            told.GetProperty("message").GetString());
        Assert.Equal(0, Total(await otherUser.ListAsync()));
    }
}
