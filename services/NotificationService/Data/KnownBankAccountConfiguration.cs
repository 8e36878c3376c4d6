using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

internal sealed class KnownBankAccountConfiguration : IEntityTypeConfiguration<KnownBankAccount>
{
    public void Configure(EntityTypeBuilder<KnownBankAccount> builder)
    {
        builder.ToTable("bank_accounts");
        builder.HasKey(a => a.Id);
        // BankAccountService's id.
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(a => a.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(a => a.BankName).HasColumnName("bank_name").HasMaxLength(200);
        builder.Property(a => a.MaskedAccountNumber).HasColumnName("masked_account_number").HasMaxLength(20);
        builder.Ignore(a => a.Label);
    }
}
