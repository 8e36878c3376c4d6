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

    [Fact]
    public async Task A_ready_and_a_finished_batch_are_each_told_once_to_its_company_however_often_delivered()
    {
        var companyId = NotificationServiceFixture.NewCompanyId();
        var batchId = Guid.NewGuid();
        using var member = fixture.ClientFor(NotificationServiceFixture.NewUserId(), companyId);
        using var otherCompany = fixture.ClientFor(NotificationServiceFixture.NewUserId(), NotificationServiceFixture.NewCompanyId());

        var ready = Events.BatchReady(companyId, batchId, "PB-2026-002");
        var finished = Events.BatchCompleted(companyId, batchId, "PB-2026-002");
        var readyId = await fixture.PublishAsync(ready);
        await fixture.PublishAsync(ready, readyId);
        var finishedId = await fixture.PublishAsync(finished);
        await fixture.PublishAsync(finished, finishedId);
        await fixture.Deliveries.WaitForAsync(readyId, times: 2);
        await fixture.Deliveries.WaitForAsync(finishedId, times: 2);

        var list = await member.ListAsync();
        Assert.Equal(["batch.completed", "batch.ready"], Types(list));
        var told = OfType(list, "batch.ready");
        Assert.Equal("Batch PB-2026-002 of 1500 USD to 2 recipients is ready for approval.", told.GetProperty("message").GetString());
        Assert.Equal(("batch", batchId.ToString(), "PB-2026-002", 1500m), (told.GetProperty("object_type").GetString(),
            told.GetProperty("object_id").GetString(), told.GetProperty("reference").GetString(), told.GetProperty("amount").GetDecimal()));
        Assert.Equal("Batch PB-2026-002 completed: 2 of 3 recipients paid, 1500 USD. 1 could not be paid; 300 USD is back in the wallet.",
            OfType(list, "batch.completed").GetProperty("message").GetString());
        Assert.Equal(0, Total(await otherCompany.ListAsync()));
    }
}
