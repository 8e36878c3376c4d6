using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Data;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(24);
        builder.Property(t => t.PaymentReference).HasMaxLength(100);
        // The provider's idempotency: one transfer per payment reference, whatever races.
        builder.HasIndex(t => t.PaymentReference).IsUnique();
        builder.Property(t => t.DebitAccountId).HasMaxLength(64);
        builder.Property(t => t.Rail).HasMaxLength(20);
        builder.Property(t => t.BeneficiaryBankCode).HasMaxLength(20);
        builder.Property(t => t.BeneficiaryAccountNumber).HasMaxLength(34);
        builder.Property(t => t.BeneficiaryEmail).HasMaxLength(254);
        builder.Property(t => t.BeneficiaryConnectedAccountId).HasMaxLength(64);
        builder.Property(t => t.Destination).HasMaxLength(254);
        builder.HasIndex(t => new { t.Destination, t.CreatedAt });
        builder.Property(t => t.Amount).HasPrecision(19, 4);
        builder.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(t => t.Narration).HasMaxLength(255);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.FailureCode).HasMaxLength(40);
        builder.Property(t => t.FailureReason).HasMaxLength(200);
        // The sweeper looks only for pending transfers that are due.
        builder.HasIndex(t => t.ResolveAt).HasFilter("status = 'pending'");
    }
}
