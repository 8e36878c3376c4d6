using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Data;

internal sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> builder)
    {
        builder.ToTable("beneficiary");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(b => b.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(b => b.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(b => b.RecipientType).HasColumnName("recipient_type").HasMaxLength(20);
        builder.Property(b => b.CustomerName).HasColumnName("customer_name").HasMaxLength(100);
        builder.Property(b => b.CustomerEmail).HasColumnName("customer_email").HasMaxLength(254);
        builder.Property(b => b.CustomerNickname).HasColumnName("customer_nickname").HasMaxLength(100);
        builder.Property(b => b.Country).HasColumnName("country").HasMaxLength(100);
        builder.OwnsOne(b => b.Address, address =>
        {
            address.Property(a => a.City).HasColumnName("address_city").HasMaxLength(100);
            address.Property(a => a.County).HasColumnName("address_county").HasMaxLength(100);
            address.Property(a => a.PostalCode).HasColumnName("address_postal_code").HasMaxLength(20);
            address.Property(a => a.PostalCodeIsNumber).HasColumnName("address_postal_code_is_number");
            address.Property(a => a.AddressLine1).HasColumnName("address_line_1").HasMaxLength(200);
            address.Property(a => a.AddressLine2).HasColumnName("address_line_2").HasMaxLength(200);
        });
        builder.Navigation(b => b.Address).IsRequired();
        builder.Property(b => b.CreatedAt).HasColumnName("created_at");
        builder.Property(b => b.UpdatedAt).HasColumnName("updated_at");
        builder.Property(b => b.DeletedAt).HasColumnName("deleted_at");
        builder.HasIndex(b => b.UserId);
        builder.Ignore(b => b.IsDeleted);
    }
}
