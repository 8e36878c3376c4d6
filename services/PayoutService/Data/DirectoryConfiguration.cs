using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain;

namespace Payouts.PayoutService.Data;

internal sealed class DirectoryUserConfiguration : IEntityTypeConfiguration<DirectoryUser>
{
    public void Configure(EntityTypeBuilder<DirectoryUser> builder)
    {
        builder.ToTable("users");
        // The platform's user id (token sub), not generated here.
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasIndex(u => u.Uuid).IsUnique();
        builder.HasIndex(u => u.CompanyId);
        builder.Property(u => u.Email).HasMaxLength(320);
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.Phone).HasMaxLength(32);
        builder.Property(u => u.CompanyId).HasMaxLength(64);
        builder.Ignore(u => u.FullName);
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.Property(c => c.Id).HasMaxLength(64);
    }
}
