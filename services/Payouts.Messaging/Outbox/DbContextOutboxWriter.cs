using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// Adds captured messages to a DbContext's change tracker; the caller's SaveChanges/commit persists them
/// together with its state change. Publishes may run concurrently (Task.WhenAll), a DbContext may not.
/// </summary>
internal sealed class DbContextOutboxWriter(DbContext dbContext)
{
    readonly Lock _lock = new();

    public Task Add<T>(SendContext<T> context)
        where T : class
    {
        var message = OutboxMessageFactory.Create(context);
        lock (_lock)
            dbContext.Set<OutboxMessage>().Add(message);
        return Task.CompletedTask;
    }
}
