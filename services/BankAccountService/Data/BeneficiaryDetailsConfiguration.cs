using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Data;

internal sealed class BeneficiaryDetailsConfiguration : IEntityTypeConfiguration<BeneficiaryDetails>
{
    public void Configure(EntityTypeBuilder<BeneficiaryDetails> builder)
    {
        builder.ToTable("beneficiary_details");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(d => d.BeneficiaryId).HasColumnName("beneficiary_id");
        builder.HasOne<Beneficiary>().WithMany().HasForeignKey(d => d.BeneficiaryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(d => d.BankName).HasColumnName("bank_name").HasMaxLength(100);
        builder.Property(d => d.AccountHolderName).HasColumnName("account_holder_name").HasMaxLength(100);
        builder.OwnsEncryptedDestination(d => d.Destination);
        builder.Property(d => d.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.DeletedAt).HasColumnName("deleted_at");
        builder.HasIndex(d => new { d.BeneficiaryId, d.Fingerprint }, "ux_beneficiary_details_fingerprint_live")
            .IsUnique().HasFilter("deleted_at IS NULL");
        builder.Ignore(d => d.IsDeleted);
    }
}
