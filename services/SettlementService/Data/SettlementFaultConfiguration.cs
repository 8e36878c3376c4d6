using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Data;

internal sealed class SettlementFaultConfiguration : IEntityTypeConfiguration<SettlementFault>
{
    public void Configure(EntityTypeBuilder<SettlementFault> builder)
    {
        builder.ToTable("settlement_faults");
        builder.HasKey(f => f.FaultId);
        builder.Property(f => f.FaultId).HasColumnName("fault_id");
        builder.Property(f => f.MessageType).HasColumnName("message_type").HasMaxLength(100);
        builder.Property(f => f.SubjectId).HasColumnName("subject_id");
        builder.Property(f => f.Exception).HasColumnName("exception").HasMaxLength(500);
        builder.Property(f => f.OccurredAt).HasColumnName("occurred_at");
        builder.HasIndex(f => f.OccurredAt);
    }
}
