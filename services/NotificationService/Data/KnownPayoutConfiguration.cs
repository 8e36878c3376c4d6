using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class KnownPayoutConfiguration : IEntityTypeConfiguration<KnownPayout>
{
    public void Configure(EntityTypeBuilder<KnownPayout> builder)
    {
        builder.ToTable("payout_companies");
        builder.HasKey(p => p.Id);
        // PayoutService's uuid.
        builder.Property(p => p.Id).HasColumnName("payout_id").ValueGeneratedNever();
        builder.Property(p => p.CompanyId).HasColumnName("company_id").HasMaxLength(100);
    }
}
