using System.Collections.Concurrent;
using MassTransit;
using Payouts.Contracts.Notifications;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>
/// Plays PayoutService's user directory on the real broker: answers <see cref="GetNotificationRecipients"/> on its
/// queue from the users the tests add (PayoutService's own answer is tested in PayoutService.Tests).
/// </summary>
public sealed class RecipientDirectory
{
    private readonly ConcurrentDictionary<string, (string Email, string? CompanyId)> _users = new();

    public async Task ConnectAsync(IBus bus)
    {
        var handle = bus.ConnectReceiveEndpoint(NotificationQueues.RecipientQueries, e => e.Handler<GetNotificationRecipients>(context =>
        {
            var (userId, companyId) = (context.Message.UserId, context.Message.CompanyId);
            var found = userId is not null
                ? _users.Where(u => u.Key == userId)
                : _users.Where(u => companyId is not null && u.Value.CompanyId == companyId);
            return context.RespondAsync(new NotificationRecipients([.. found.OrderBy(u => u.Key).Select(u => new NotificationRecipient(u.Key, u.Value.Email))]));
        }));
        await handle.Ready;
    }

    /// <summary>A user with an address no other test uses; returns it.</summary>
    public string Add(string userId, string? companyId = null)
    {
        var email = $"user{userId}@example.com";
        _users[userId] = (email, companyId);
        return email;
    }
}
