using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Data;
using Payouts.NotificationService.Application.Email;
using Payouts.NotificationService.Application.Webhooks;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Application;

/// <summary>
/// Delivers a <see cref="NotifiableEvent"/> on every channel: one in-app row, one webhook delivery per enabled
/// endpoint of its owner that subscribed to the type, and (when email is configured) one email outbox row for its
/// audience. All are added to the consumer's context, so they commit in the inbox's transaction with the claim on the
/// message (one per event); the dispatchers send the deliveries and the email after.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, IOptions<WebhookOptions> webhooks, IOptions<EmailOptions> email, TimeProvider clock)
{
    /// <summary>Null (an event that concerns nobody to tell) is nothing to deliver.</summary>
    public async Task NotifyAsync(NotifiableEvent? notifiable, CancellationToken ct)
    {
        if (notifiable is null) return;
        // The notification's id is the event's id: webhook receivers de-duplicate by it.
        var eventId = Guid.CreateVersion7();
        db.Notifications.Add(new Notification
        {
            Id = eventId,
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
        AddEmail(eventId, notifiable);
        await AddWebhookDeliveriesAsync(eventId, notifiable, ct);
    }

    /// <summary>One email per event for its audience; recipients and their preferences are read when it is sent.</summary>
    private void AddEmail(Guid eventId, NotifiableEvent notifiable)
    {
        if (!email.Value.Enabled || !EmailTemplates.Has(notifiable.Type)) return;
        var now = StoredTime.Of(clock.GetUtcNow());
        db.EmailMessages.Add(new EmailMessage
        {
            Id = Guid.CreateVersion7(), NotificationId = eventId, NextAttemptAt = now, GiveUpAt = now + email.Value.Horizon, CreatedAt = now,
        });
    }

    private async Task AddWebhookDeliveriesAsync(Guid eventId, NotifiableEvent notifiable, CancellationToken ct)
    {
        var (userId, companyId) = (notifiable.Audience.UserId, notifiable.Audience.CompanyId);
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Enabled && e.EventTypes.Contains(notifiable.Type))
            .Where(e => (e.OwnerKind == WebhookOwners.User && userId != null && e.OwnerId == userId)
                || (e.OwnerKind == WebhookOwners.Company && companyId != null && e.OwnerId == companyId))
            .Select(e => e.Id).ToListAsync(ct);
        if (endpoints.Count == 0) return;

        var payload = WebhookPayload.Build(eventId, notifiable);
        var now = StoredTime.Of(clock.GetUtcNow());
        foreach (var endpointId in endpoints)
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.CreateVersion7(),
                EndpointId = endpointId,
                EventId = eventId,
                EventType = notifiable.Type,
                Payload = payload,
                NextAttemptAt = now,
                GiveUpAt = now + webhooks.Value.Horizon,
                CreatedAt = now,
            });
        }
    }
}
