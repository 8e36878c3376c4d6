using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Data;

/// <summary>The settlementdb database, owned by this service alone.</summary>
public sealed class SettlementDbContext(DbContextOptions<SettlementDbContext> options) : DbContext(options)
{
    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<MicroDeposit> MicroDeposits => Set<MicroDeposit>();

    public DbSet<SettlementFault> Faults => Set<SettlementFault>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SettlementDbContext).Assembly);
    }
}
