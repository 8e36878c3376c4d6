namespace Payouts.Contracts.Notifications;

/// <summary>
/// Who to mail about an event, asked of PayoutService's user directory at send time (NotificationService keeps no copy
/// of it): the user <paramref name="UserId"/>, or with none every member of <paramref name="CompanyId"/>.
/// </summary>
public sealed record GetNotificationRecipients(string? UserId, string? CompanyId);

/// <summary>The answer to <see cref="GetNotificationRecipients"/>: the directory users found that have an email address.</summary>
public sealed record NotificationRecipients(IReadOnlyList<NotificationRecipient> Recipients);

public sealed record NotificationRecipient(string UserId, string Email);
