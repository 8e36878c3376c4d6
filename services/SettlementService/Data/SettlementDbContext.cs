using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;

namespace Payouts.SettlementService.Data;

/// <summary>The settlementdb database, owned by this service alone.</summary>
public sealed class SettlementDbContext(DbContextOptions<SettlementDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
