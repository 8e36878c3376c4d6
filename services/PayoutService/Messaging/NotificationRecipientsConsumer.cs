using System.Globalization;
using MassTransit;
using Payouts.Contracts.Notifications;
using Payouts.PayoutService.Application;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// NotificationService's question "whom do I mail?" (queue <see cref="NotificationQueues.RecipientQueries"/>): email
/// addresses stay in this service's directory and are read at send time, never copied.
/// </summary>
public sealed class NotificationRecipientsConsumer(UserDirectory directory) : IConsumer<GetNotificationRecipients>
{
    public async Task Consume(ConsumeContext<GetNotificationRecipients> context)
    {
        var users = await directory.NotificationRecipientsAsync(context.Message.UserId, context.Message.CompanyId, context.CancellationToken);
        await context.RespondAsync(new NotificationRecipients(
            [.. users.Select(u => new NotificationRecipient(u.Id.ToString(CultureInfo.InvariantCulture), u.Email!))]));
    }
}
