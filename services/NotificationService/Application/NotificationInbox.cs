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
/// </summary>
public sealed class NotificationInbox(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>A page, newest first, with how many there are and how many of them are unread.</summary>
    public async Task<NotificationPage> ListAsync(Caller caller, Paging paging, CancellationToken ct)
    {
        var visible = db.Notifications.AsNoTracking().Where(VisibleTo(caller));
        var total = await visible.CountAsync(ct);
        var unread = await visible.CountAsync(n => n.ReadAt == null, ct);
        var items = await visible.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.Limit).ToListAsync(ct);
        return new NotificationPage(items, total, unread);
    }

    /// <summary>Marks one read (again: no change); someone else's is not found and stays as it was.</summary>
    public async Task<ApiOutcome<ReadNotification>> MarkReadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var notification = await db.Notifications.Where(VisibleTo(caller)).SingleOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null) return NotificationErrors.NotFound;
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new ReadNotification(notification, await UnreadAsync(caller, ct));
    }

    /// <summary>Marks every unread one read in one statement: how many it marked, and how many are unread after (one may have arrived since).</summary>
    public async Task<(int Marked, int Unread)> MarkAllReadAsync(Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var marked = await db.Notifications.Where(VisibleTo(caller)).Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), ct);
        return (marked, await UnreadAsync(caller, ct));
    }

    private Task<int> UnreadAsync(Caller caller, CancellationToken ct) =>
        db.Notifications.Where(VisibleTo(caller)).CountAsync(n => n.ReadAt == null, ct);

    private static Expression<Func<Notification, bool>> VisibleTo(Caller caller)
    {
        var (userId, companyId) = (caller.Subject, caller.CompanyId);
        return companyId is null
            ? n => n.UserId == userId
            : n => n.UserId == userId || (n.UserId == null && n.CompanyId == companyId);
    }
}

public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Total, int Unread);

public sealed record ReadNotification(Notification Notification, int Unread);
