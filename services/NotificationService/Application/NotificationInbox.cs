using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.NotificationService.Application;

/// <summary>
/// The caller's notifications: their own (by the token's <c>sub</c>) and, for a company user (the token's
/// <c>company_id</c>), their company's. Nobody else's, an administrator's token included: this is a personal inbox.
/// Read marks are the caller's own (<see cref="NotificationRead"/>): a colleague reading a company notification leaves it
/// unread here.
/// </summary>
public sealed class NotificationInbox(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>A page, newest first, each with when the caller read it, with how many there are and how many the caller has not read.</summary>
    public async Task<NotificationPage> ListAsync(Caller caller, Paging paging, CancellationToken ct)
    {
        var visible = db.Notifications.AsNoTracking().Where(VisibleTo(caller));
        var total = await visible.CountAsync(ct);
        var unread = await UnreadAsync(caller, ct);
        var items = await visible.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.Limit)
            .Select(n => new InboxItem(n, db.NotificationReads.Where(r => r.NotificationId == n.Id && r.UserId == caller.Subject)
                .Select(r => (DateTimeOffset?)r.ReadAt).FirstOrDefault()))
            .ToListAsync(ct);
        return new NotificationPage(items, total, unread);
    }

    /// <summary>Marks one read for the caller (again: no change); someone else's is not found and stays as it was.</summary>
    public async Task<ApiOutcome<ReadNotification>> MarkReadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var notification = await db.Notifications.AsNoTracking().Where(VisibleTo(caller)).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return NotificationErrors.NotFound;
        // ON CONFLICT: a second mark, even a concurrent one, keeps the first time.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_reads (notification_id, user_id, read_at) VALUES ({id}, {caller.Subject}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, ct);
        var readAt = await db.NotificationReads.AsNoTracking().Where(r => r.NotificationId == id && r.UserId == caller.Subject)
            .Select(r => r.ReadAt).SingleAsync(ct);
        return new ReadNotification(new InboxItem(notification, readAt), await UnreadAsync(caller, ct));
    }

    /// <summary>Marks every one the caller has not read in one statement: how many it marked, and how many are unread after (one may have arrived since).</summary>
    public async Task<(int Marked, int Unread)> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var (userId, companyId) = (caller.Subject, caller.CompanyId);
        // The same audience as VisibleTo, in SQL: a user's own, and their company's.
        var marked = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_reads (notification_id, user_id, read_at)
            SELECT n.id, {userId}, {clock.GetUtcNow()} FROM notifications n
            WHERE (n.user_id = {userId} OR (n.user_id IS NULL AND {companyId}::text IS NOT NULL AND n.company_id = {companyId}::text))
            ON CONFLICT DO NOTHING
            """, ct);
        return (marked, await UnreadAsync(caller, ct));
    }

    private Task<int> UnreadAsync(Caller caller, CancellationToken ct) =>
        db.Notifications.Where(VisibleTo(caller))
            .CountAsync(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == caller.Subject), ct);

    private static Expression<Func<Notification, bool>> VisibleTo(Caller caller)
    {
        var (userId, companyId) = (caller.Subject, caller.CompanyId);
        return companyId is null
            ? n => n.UserId == userId
            : n => n.UserId == userId || (n.UserId == null && n.CompanyId == companyId);
    }
}

/// <summary>A notification as one reader has it: when they read it, or null.</summary>
public sealed record InboxItem(Notification Notification, DateTimeOffset? ReadAt);

public sealed record NotificationPage(IReadOnlyList<InboxItem> Items, int Total, int Unread);

public sealed record ReadNotification(InboxItem Item, int Unread);
