using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;

namespace Payouts.NotificationService.Tests;

[Collection(NotificationServiceCollection.Name)]
public sealed class BatchNotificationTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task An_approved_batch_is_told_to_every_member_of_its_company_and_no_one_else()
    {
        var companyId = NotificationServiceFixture.NewCompanyId();
        var batchId = Guid.NewGuid();
        using var approver = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var colleague = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var otherCompany = fixture.ClientFor(NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());
        using var noCompany = fixture.ClientFor(NotificationServiceFixture.NewUserId());

        var messageId = await fixture.PublishAsync(Events.BatchApproved(companyId, batchId, "PB-2026-001"));
        await fixture.Deliveries.WaitForAsync(messageId, times: 1);

        foreach (var member in new[] { approver, colleague })
        {
            var list = await member.ListAsync();
            var approved = OfType(list, "batch.approved");
            Assert.Equal("Batch PB-2026-001 of 1500 USD to 2 recipients was approved.", approved.GetProperty("message").GetString());
            Assert.Equal(("batch", batchId.ToString(), "PB-2026-001", 1500m), (approved.GetProperty("object_type").GetString(),
                approved.GetProperty("object_id").GetString(), approved.GetProperty("reference").GetString(), approved.GetProperty("amount").GetDecimal()));
            Assert.Equal(1, Unread(list));
        }

        Assert.Equal(0, Total(await otherCompany.ListAsync()));
        Assert.Equal(0, Total(await noCompany.ListAsync()));
    }
}
