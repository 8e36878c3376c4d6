using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;
using Payouts.Messaging;

namespace Payouts.BatchService.Data;

/// <summary>The batchesdb database, owned by this service alone.</summary>
public sealed class BatchesDbContext(DbContextOptions<BatchesDbContext> options) : DbContext(options)
{
    public DbSet<Batch> Batches => Set<Batch>();
    public DbSet<BatchRecipient> BatchRecipients => Set<BatchRecipient>();
    public DbSet<TwoFactorEnrollment> TwoFactorEnrollments => Set<TwoFactorEnrollment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BatchesDbContext).Assembly);

        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
