using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Data;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("payouts");
        builder.HasIndex(p => p.Uuid).IsUnique();
        builder.HasIndex(p => p.Reference).IsUnique();
        builder.HasIndex(p => new { p.UserId, p.RequestedAt });
        builder.HasIndex(p => new { p.Status, p.RequestedAt });
        // Lets the payouts-by-status gauge count from the index alone (index-only scan) instead of the table.
        builder.HasIndex(p => new { p.Status, p.Currency });
        builder.HasIndex(p => p.BankAccountId);
        builder.HasIndex(p => p.BeneficiaryDetailsId);
        builder.HasIndex(p => new { p.CompanyId, p.RequestedAt });
        builder.Ignore(p => p.Wallet);
        builder.Property(p => p.CompanyId).HasMaxLength(64);
        builder.Property(p => p.Reference).HasMaxLength(32);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Method).HasMaxLength(32);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.TransactionReference).HasMaxLength(100);
        builder.Property(p => p.RejectionReason).HasMaxLength(500);
        builder.Property(p => p.Notes).HasMaxLength(500);
        builder.Property(p => p.ProcessedBy).HasMaxLength(64);
        builder.Property(p => p.SettlementCurrency).HasMaxLength(3);
        builder.Property(p => p.ExchangeRate).HasPrecision(19, 8);
    }
}
