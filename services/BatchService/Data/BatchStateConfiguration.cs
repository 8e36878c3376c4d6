using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;

namespace Payouts.BatchService.Data;

internal sealed class BatchStateConfiguration : IEntityTypeConfiguration<BatchState>
{
    public void Configure(EntityTypeBuilder<BatchState> builder)
    {
        builder.ToTable("batch_saga");
        builder.HasKey(s => s.CorrelationId);
        builder.Property(s => s.CorrelationId).HasColumnName("correlation_id");
        builder.Property(s => s.CurrentState).HasColumnName("current_state").HasMaxLength(64);
        builder.Property(s => s.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(s => s.Reference).HasColumnName("reference").HasMaxLength(BatchLimits.ReferenceMaxLength);
        builder.Property(s => s.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(s => s.Total).HasColumnName("total").HasPrecision(19, 4);
        builder.Property(s => s.RecipientCount).HasColumnName("recipient_count");
        builder.Property(s => s.PaidCount).HasColumnName("paid_count");
        builder.Property(s => s.PaidAmount).HasColumnName("paid_amount").HasPrecision(19, 4);
        builder.Property(s => s.FailedCount).HasColumnName("failed_count");
        builder.Property(s => s.FailedAmount).HasColumnName("failed_amount").HasPrecision(19, 4);
        builder.Property(s => s.ReleasedAmount).HasColumnName("released_amount").HasPrecision(19, 4);
        builder.Property(s => s.FailureReason).HasColumnName("failure_reason").HasMaxLength(500);
        builder.Property(s => s.ApprovedBy).HasColumnName("approved_by").HasMaxLength(100);
        builder.Property(s => s.ApprovedAt).HasColumnName("approved_at");
        builder.Property(s => s.FundsReservedAt).HasColumnName("funds_reserved_at");
        builder.Property(s => s.FinishedAt).HasColumnName("finished_at");
        builder.Property(s => s.ReleasedAt).HasColumnName("released_at");
        builder.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        builder.Ignore(s => s.EveryRecipientTerminal);
    }
}
