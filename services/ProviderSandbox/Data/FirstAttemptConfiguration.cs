using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Data;

internal sealed class FirstAttemptConfiguration : IEntityTypeConfiguration<FirstAttempt>
{
    public void Configure(EntityTypeBuilder<FirstAttempt> builder)
    {
        builder.ToTable("first_attempts");
        builder.HasKey(a => a.PaymentReference);
        builder.Property(a => a.PaymentReference).HasMaxLength(100);
    }
}
