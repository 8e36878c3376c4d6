using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;

namespace Payouts.PayoutService.Data;

/// <summary>The payoutsdb database, owned by this service alone.</summary>
public sealed class PayoutsDbContext(DbContextOptions<PayoutsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
