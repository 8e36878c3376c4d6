using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Data;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        // At most one transfer per payout, whatever the number of workers or duplicate commands.
        builder.Property(t => t.PayoutId).HasColumnName("payout_id");
        builder.HasIndex(t => t.PayoutId).IsUnique();
        builder.Property(t => t.PaymentReference).HasColumnName("payment_reference").HasMaxLength(100);
        builder.HasIndex(t => t.PaymentReference).IsUnique();
        builder.Property(t => t.DestinationKind).HasColumnName("destination_kind").HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.DestinationId).HasColumnName("destination_id");
        builder.Property(t => t.BeneficiaryBankCode).HasColumnName("beneficiary_bank_code").HasMaxLength(20);
        // Masked bank account, PayPal email or Stripe account; a masked email keeps the whole domain.
        builder.Property(t => t.BeneficiaryMasked).HasColumnName("beneficiary_masked").HasMaxLength(260);
        builder.Property(t => t.Amount).HasColumnName("amount").HasPrecision(19, 4);
        builder.Property(t => t.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength();
        builder.Property(t => t.Narration).HasColumnName("narration").HasMaxLength(255);
        builder.Property(t => t.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(t => t.ProviderTransferId).HasColumnName("provider_transfer_id").HasMaxLength(64);
        builder.HasIndex(t => t.ProviderTransferId).IsUnique();
        builder.Property(t => t.FailureCode).HasColumnName("failure_code").HasMaxLength(40);
        builder.Property(t => t.FailureReason).HasColumnName("failure_reason").HasMaxLength(200);
        builder.Property(t => t.ReconciliationAttempts).HasColumnName("reconciliation_attempts");
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");
        builder.Property(t => t.UpdatedAt).HasColumnName("updated_at");
        builder.Property(t => t.CompletedAt).HasColumnName("completed_at");
        // Set only when an operator closed the transfer by hand.
        builder.Property(t => t.ResolvedBy).HasColumnName("resolved_by").HasMaxLength(OperatorResolution.MaxResolvedByLength);
        builder.Property(t => t.ResolvedAt).HasColumnName("resolved_at");
        builder.Property(t => t.Resolution).HasColumnName("resolution").HasMaxLength(16);
        builder.Property(t => t.ResolutionNote).HasColumnName("resolution_note").HasMaxLength(OperatorResolution.MaxNoteLength);
        // Reconciliation looks only at transfers without a final answer.
        builder.HasIndex(t => t.UpdatedAt).HasFilter("status IN ('pending', 'unknown')");
        // The finished-transfer report pages through a window of finished transfers.
        builder.HasIndex(t => new { t.CompletedAt, t.Id }).HasFilter("status IN ('completed', 'failed')");
    }
}
