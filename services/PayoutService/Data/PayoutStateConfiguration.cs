using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Messaging;

namespace Payouts.PayoutService.Data;

internal sealed class PayoutStateConfiguration : IEntityTypeConfiguration<PayoutState>
{
    public void Configure(EntityTypeBuilder<PayoutState> builder)
    {
        builder.ToTable("payout_saga");
        builder.HasKey(s => s.CorrelationId);
        builder.Property(s => s.CorrelationId).HasColumnName("correlation_id");
        builder.Property(s => s.CurrentState).HasColumnName("current_state").HasMaxLength(64);
        builder.Property(s => s.PayoutNumber).HasColumnName("payout_number");
        builder.Property(s => s.Reference).HasColumnName("reference").HasMaxLength(32);
        builder.Property(s => s.StartedAt).HasColumnName("started_at");
        builder.Property(s => s.FinishedAt).HasColumnName("finished_at");
        builder.Property(s => s.ProviderTransferId).HasColumnName("provider_transfer_id");
        builder.Property(s => s.FailureReason).HasColumnName("failure_reason");
        builder.Property(s => s.StatusCheckDueAt).HasColumnName("status_check_due_at");
        builder.Property(s => s.StatusChecks).HasColumnName("status_checks");
        builder.Property(s => s.LastSettlementStatus).HasColumnName("last_settlement_status").HasMaxLength(32);
        // The status sweep's query: settling sagas by due time.
        builder.HasIndex(s => new { s.CurrentState, s.StatusCheckDueAt }).HasDatabaseName("ix_payout_saga_status_check");
    }
}
