using Microsoft.EntityFrameworkCore;
using Payouts.NotificationService.Tests.Support;
using static Payouts.NotificationService.Tests.Support.NotificationsApi;

namespace Payouts.NotificationService.Tests;

[Collection(NotificationServiceCollection.Name)]
public sealed class PayoutNotificationTests(NotificationServiceFixture fixture)
{
    [Fact]
    public async Task Each_payout_event_becomes_one_notification_for_its_user_newest_first()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var accountId = NotificationServiceFixture.NewId();
        var (paid, failed, rejected, cancelled) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await fixture.PublishAsync(Events.AccountAdded(userId, accountId));
        // The destination's name comes from BankAccountAdded: let it land before the payout that names it.
        using var user = fixture.ClientFor(userId);
        await user.WaitForListAsync(1);

        await fixture.PublishAsync(Events.Requested(userId, paid, "PO-2026-000501", accountId));
        await fixture.PublishAsync(Events.Processing(userId, paid, "PO-2026-000501", accountId));
        await fixture.PublishAsync(Events.Completed(userId, paid, "PO-2026-000501"));
        await fixture.PublishAsync(Events.Failed(userId, failed, "PO-2026-000502"));
        await fixture.PublishAsync(Events.Rejected(userId, rejected, "PO-2026-000503"));
        await fixture.PublishAsync(Events.Cancelled(userId, cancelled, "PO-2026-000504"));

        var list = await user.WaitForListAsync(7);
        Assert.Equal(7, Total(list));
        Assert.Equal(["payout.cancelled", "payout.rejected", "payout.failed", "payout.completed", "payout.processing", "payout.requested", "bank_account.added"],
            Types(list));
        Assert.Equal(7, Unread(list));

        var requested = OfType(list, "payout.requested");
        Assert.Equal("Your payout PO-2026-000501 of 250.50 USD to Chase ****6789 was requested.", requested.GetProperty("message").GetString());
        Assert.Equal(250.50m, requested.GetProperty("amount").GetDecimal());
        Assert.Equal("Your payout PO-2026-000501 of 250.50 USD is being sent to Chase ****6789.",
            OfType(list, "payout.processing").GetProperty("message").GetString());

        var completed = OfType(list, "payout.completed");
        Assert.Equal("Your payout PO-2026-000501 of 248 USD was paid.", completed.GetProperty("message").GetString());
        Assert.Equal(("payout", paid.ToString(), "PO-2026-000501", 248m, "USD"), (completed.GetProperty("object_type").GetString(),
            completed.GetProperty("object_id").GetString(), completed.GetProperty("reference").GetString(), completed.GetProperty("amount").GetDecimal(),
            completed.GetProperty("currency").GetString()));
        Assert.Equal("2026-11-02T09:02:00Z", completed.GetProperty("created_at").GetString());
        Assert.False(completed.GetProperty("read").GetBoolean());

        Assert.Equal("Your payout PO-2026-000502 could not be paid: The account is closed. Its amount is available again.",
            OfType(list, "payout.failed").GetProperty("message").GetString());
        Assert.Equal("Your payout PO-2026-000503 was rejected: Suspicious activity. Its amount is available again.",
            OfType(list, "payout.rejected").GetProperty("message").GetString());
        var cancelledItem = OfType(list, "payout.cancelled");
        Assert.Equal("Your payout PO-2026-000504 was cancelled: Cancelled by user. Its amount is available again.", cancelledItem.GetProperty("message").GetString());
        Assert.Equal(cancelled.ToString(), cancelledItem.GetProperty("object_id").GetString());
    }

    [Fact]
    public async Task A_payout_delivered_twice_is_told_once()
    {
        var userId = NotificationServiceFixture.NewUserId();
        var payoutId = Guid.NewGuid();
        var messageId = Guid.NewGuid();

        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000601"), messageId);
        await fixture.PublishAsync(Events.Completed(userId, payoutId, "PO-2026-000601"), messageId);
        await fixture.Deliveries.WaitForAsync(messageId, times: 2);

        using var user = fixture.ClientFor(userId);
        var list = await user.ListAsync();
        Assert.Equal(["payout.completed"], Types(list));
        Assert.Equal(1, await fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.ObjectId == payoutId.ToString())));
    }

    [Fact]
    public async Task A_bulk_batch_payout_has_no_user_to_tell()
    {
        var payoutId = Guid.NewGuid();

        var messageId = await fixture.PublishAsync(Events.Completed("0", payoutId, "PO-2026-000701"));
        await fixture.Deliveries.WaitForAsync(messageId, times: 1);

        Assert.Equal(0, await fixture.QueryAsync(db => db.Notifications.CountAsync(n => n.ObjectId == payoutId.ToString())));
    }
}
