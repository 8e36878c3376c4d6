using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;

namespace Payouts.BatchService.Data;

/// <summary>The batchesdb database, owned by this service alone.</summary>
public sealed class BatchesDbContext(DbContextOptions<BatchesDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
