using Payouts.Data;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Application;

/// <summary>
/// Delivers a <see cref="NotifiableEvent"/> on every channel. Today that is the in-app list: one row, added to the
/// consumer's context, so it commits in the inbox's transaction with the claim on the message (one per event).
/// </summary>
public sealed class Notifier(NotificationsDbContext db)
{
    /// <summary>Null (an event that concerns nobody to tell) is nothing to deliver.</summary>
    public void Notify(NotifiableEvent? notifiable)
    {
        if (notifiable is null) return;
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            UserId = notifiable.Audience.UserId,
            CompanyId = notifiable.Audience.CompanyId,
            Type = notifiable.Type,
            Message = notifiable.Message,
            ObjectType = notifiable.ObjectType,
            ObjectId = notifiable.ObjectId,
            Reference = notifiable.Reference,
            Amount = notifiable.Amount,
            Currency = notifiable.Currency,
            CreatedAt = StoredTime.Of(notifiable.OccurredAt),
        });
    }
}
