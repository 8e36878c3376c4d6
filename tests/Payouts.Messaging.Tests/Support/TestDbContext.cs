using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Tests.Support;

/// <summary>Stands in for a service's DbContext: its own state, a saga, and the outbox/inbox tables.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<CounterState> Counters => Set<CounterState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddTransactionalOutboxEntities();

        modelBuilder.Entity<LedgerEntry>(entity =>
        {
            entity.ToTable("ledger_entry");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Amount).HasPrecision(19, 4);
        });

        modelBuilder.Entity<CounterState>(entity =>
        {
            entity.ToTable("counter_saga");
            entity.HasKey(s => s.CorrelationId);
            entity.Property(s => s.CorrelationId).ValueGeneratedNever();
            entity.Property(s => s.CurrentState).HasMaxLength(64);
            entity.Property(s => s.Name).HasMaxLength(100);
        });
    }
}

public sealed class LedgerEntry
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public decimal Amount { get; set; }
}
