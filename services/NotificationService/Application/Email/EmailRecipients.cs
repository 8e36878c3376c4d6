using MassTransit;
using Payouts.Contracts.Notifications;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Application.Email;

/// <summary>
/// Who gets a notification's email: asked of PayoutService's directory at send time (addresses are not copied here),
/// then filtered by each user's preferences for the type. A user's event mails that user; a company's every member.
/// </summary>
public sealed class EmailRecipients(IRequestClient<GetNotificationRecipients> directory, EmailPreferences preferences)
{
    /// <summary>Throws when the directory does not answer in time: the email is retried later.</summary>
    public async Task<IReadOnlyList<NotificationRecipient>> ResolveAsync(Notification notification, CancellationToken ct)
    {
        var query = notification.UserId is { } userId ? new GetNotificationRecipients(userId, null)
            : notification.CompanyId is { } companyId ? new GetNotificationRecipients(null, companyId)
            : null;
        if (query is null) return [];
        var found = (await directory.GetResponse<NotificationRecipients>(query, ct)).Message.Recipients;
        if (found.Count == 0) return [];
        var off = await preferences.TurnedOffAsync([.. found.Select(r => r.UserId)], notification.Type, ct);
        return [.. found.Where(r => !off.Contains(r.UserId))];
    }
}
