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
    }
}
