using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Data;

internal sealed class LedgerAccountConfiguration : IEntityTypeConfiguration<LedgerAccount>
{
    public void Configure(EntityTypeBuilder<LedgerAccount> builder)
    {
        builder.ToTable("ledger_accounts");
        builder.HasIndex(a => new { a.OwnerType, a.OwnerId, a.Kind, a.Currency }).IsUnique();
        builder.Property(a => a.Currency).HasMaxLength(3);
    }
}

internal sealed class LedgerTransactionConfiguration : IEntityTypeConfiguration<LedgerTransaction>
{
    public void Configure(EntityTypeBuilder<LedgerTransaction> builder)
    {
        builder.ToTable("ledger_transactions");
        // Ids from a hi/lo sequence (blocks of 10 reserved per process): known before insert, so a posting's transaction
        // and its entries go in one batch instead of waiting for the transaction's generated id.
        builder.Property(t => t.Id).UseHiLo("ledger_transaction_ids");
        builder.Property(t => t.Currency).HasMaxLength(3);
        builder.HasIndex(t => t.PayoutId);
        builder.HasMany(t => t.Entries).WithOne().HasForeignKey(e => e.TransactionId);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries");
        builder.HasIndex(e => e.AccountId);
        builder.HasOne<LedgerAccount>().WithMany().HasForeignKey(e => e.AccountId);
    }
}
