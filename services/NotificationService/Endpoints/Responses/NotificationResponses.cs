using Payouts.NotificationService.Application;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.Http;

namespace Payouts.NotificationService.Endpoints.Responses;

/// <summary>One notification as the caller reads it.</summary>
public sealed record NotificationView(
    Guid Id, string Type, string Message, string ObjectType, string ObjectId, string? Reference, decimal? Amount, string? Currency,
    bool Read, DateTimeOffset? ReadAt, DateTimeOffset CreatedAt)
{
    public static NotificationView Of(InboxItem item)
    {
        var n = item.Notification;
        return new(n.Id, n.Type, n.Message, n.ObjectType, n.ObjectId, n.Reference, n.Amount, n.Currency, item.ReadAt is not null, item.ReadAt, n.CreatedAt);
    }
}

public sealed record NotificationPagination(int Page, int Limit, int Total, int TotalPages);

/// <summary><c>GET /api/v1/notifications/</c>: one page, newest first, and how many of all the caller's are unread.</summary>
public sealed record NotificationList(IEnumerable<NotificationView> Notifications, NotificationPagination Pagination, int UnreadCount)
{
    public static NotificationList Of(NotificationPage page, Paging paging) => new(
        page.Items.Select(NotificationView.Of), new NotificationPagination(paging.Page, paging.Limit, page.Total, paging.TotalPages(page.Total)),
        page.Unread);
}

/// <summary><c>POST /api/v1/notifications/{id}/read/</c>: the notification as it now is, and what is left unread.</summary>
public sealed record NotificationRead(NotificationView Notification, int UnreadCount)
{
    public static NotificationRead Of(ReadNotification read) => new(NotificationView.Of(read.Item), read.Unread);
}

/// <summary><c>POST /api/v1/notifications/read-all/</c>: how many were marked now, and how many are unread after.</summary>
public sealed record NotificationsRead(int Marked, int UnreadCount);
