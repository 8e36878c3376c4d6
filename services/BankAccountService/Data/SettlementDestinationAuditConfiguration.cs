using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Data;

internal sealed class SettlementDestinationAuditConfiguration : IEntityTypeConfiguration<SettlementDestinationAudit>
{
    public void Configure(EntityTypeBuilder<SettlementDestinationAudit> builder)
    {
        builder.ToTable("settlement_destination_audit");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(a => a.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.DestinationId).HasColumnName("destination_id");
        builder.Property(a => a.RequestedFor).HasColumnName("requested_for");
        builder.Property(a => a.RequestId).HasColumnName("request_id");
        builder.Property(a => a.RequestedBy).HasColumnName("requested_by").HasMaxLength(500);
        builder.Property(a => a.FullDetailsDisclosed).HasColumnName("full_details_disclosed");
        builder.Property(a => a.NotPayableReason).HasColumnName("not_payable_reason").HasMaxLength(100);
        builder.Property(a => a.AnsweredAt).HasColumnName("answered_at");
        builder.HasIndex(a => new { a.Kind, a.DestinationId });
    }
}
