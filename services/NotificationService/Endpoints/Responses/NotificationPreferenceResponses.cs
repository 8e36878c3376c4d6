using Payouts.NotificationService.Application.Email;

namespace Payouts.NotificationService.Endpoints.Responses;

/// <summary>The caller's email preferences: every notification type, true when it mails them.</summary>
public sealed record NotificationPreferences(IReadOnlyDictionary<string, bool> Email)
{
    public static NotificationPreferences Of(EmailChoices choices) => new(choices.Email);
}
