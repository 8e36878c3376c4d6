using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain.Fx;

namespace Payouts.PayoutService.Data;

/// <summary>FX rates are configuration rows; the migration seeds the platform's defaults (seed 004's USD → NGN at 1500, 50 NGN fee).</summary>
internal sealed class FxRateConfiguration : IEntityTypeConfiguration<FxRate>
{
    private static readonly DateTimeOffset Seeded = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<FxRate> builder)
    {
        builder.ToTable("fx_rates");
        builder.HasIndex(r => new { r.BaseCurrency, r.QuoteCurrency }).IsUnique();
        builder.Property(r => r.BaseCurrency).HasMaxLength(3);
        builder.Property(r => r.QuoteCurrency).HasMaxLength(3);
        // A rate is not money: more places than numeric(19,4) (e.g. NGN → USD is 0.00066667).
        builder.Property(r => r.Rate).HasPrecision(19, 8);
        builder.Property(r => r.UpdatedBy).HasMaxLength(100);
        builder.HasData(
            new FxRate { Id = 1, BaseCurrency = "USD", QuoteCurrency = "NGN", Rate = 1500m, ProcessingFee = 50m, Enabled = true, UpdatedAt = Seeded },
            new FxRate { Id = 2, BaseCurrency = "GBP", QuoteCurrency = "NGN", Rate = 1900m, ProcessingFee = 50m, Enabled = true, UpdatedAt = Seeded },
            new FxRate { Id = 3, BaseCurrency = "EUR", QuoteCurrency = "NGN", Rate = 1620m, ProcessingFee = 50m, Enabled = true, UpdatedAt = Seeded },
            new FxRate { Id = 4, BaseCurrency = "USD", QuoteCurrency = "KES", Rate = 129.5m, ProcessingFee = 30m, Enabled = true, UpdatedAt = Seeded },
            new FxRate { Id = 5, BaseCurrency = "USD", QuoteCurrency = "GHS", Rate = 15.5m, ProcessingFee = 5m, Enabled = true, UpdatedAt = Seeded },
            new FxRate { Id = 6, BaseCurrency = "USD", QuoteCurrency = "EUR", Rate = 0.92m, ProcessingFee = 1m, Enabled = true, UpdatedAt = Seeded });
    }
}
