using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Data;

internal sealed class BankAccountConfiguration : IEntityTypeConfiguration<BankAccount>
{
    public void Configure(EntityTypeBuilder<BankAccount> builder)
    {
        builder.ToTable("bank_account");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasColumnName("id").UseIdentityByDefaultColumn();
        builder.Property(a => a.Uuid).HasColumnName("uuid");
        builder.HasIndex(a => a.Uuid).IsUnique();
        builder.Property(a => a.UserId).HasColumnName("user_id").HasMaxLength(100);
        builder.Property(a => a.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(a => a.BankName).HasColumnName("bank_name").HasMaxLength(100);
        builder.Property(a => a.AccountHolderName).HasColumnName("account_holder_name").HasMaxLength(100);
        builder.Property(a => a.AccountType).HasColumnName("account_type").HasMaxLength(20);
        builder.OwnsEncryptedDestination(a => a.Destination);
        builder.Property(a => a.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
        builder.Property(a => a.IsPrimary).HasColumnName("is_primary");
        builder.Property(a => a.VerificationStatus).HasColumnName("verification_status").HasMaxLength(30);
        builder.Property(a => a.VerificationId).HasColumnName("verification_id");
        builder.Property(a => a.MicroDepositsHash).HasColumnName("micro_deposits_hash").HasMaxLength(64);
        builder.Property(a => a.FailedVerificationAttempts).HasColumnName("failed_verification_attempts");
        builder.Property(a => a.VerificationRound).HasColumnName("verification_round");
        builder.Property(a => a.MicroDepositsSentAt).HasColumnName("micro_deposits_sent_at");
        builder.Property(a => a.MicroDepositsFailureCode).HasColumnName("micro_deposits_failure_code").HasMaxLength(BankAccount.MaxFailureCodeLength);
        builder.Property(a => a.VerificationExpiresAt).HasColumnName("verification_expires_at");
        builder.Property(a => a.VerifiedAt).HasColumnName("verified_at");
        builder.Property(a => a.CreatedAt).HasColumnName("created_at");
        builder.Property(a => a.UpdatedAt).HasColumnName("updated_at");
        builder.Property(a => a.DeletedAt).HasColumnName("deleted_at");

        builder.HasIndex(a => a.UserId, "ix_bank_account_user");
        // The database is the last word on the rules the service checks first: one live copy of an account per user,
        // one live primary per user.
        builder.HasIndex(a => new { a.UserId, a.Fingerprint }, "ux_bank_account_user_fingerprint_live")
            .IsUnique().HasFilter("deleted_at IS NULL");
        builder.HasIndex(a => a.UserId, "ux_bank_account_user_primary_live")
            .IsUnique().HasFilter("is_primary AND deleted_at IS NULL");

        builder.Ignore(a => a.Verified);
        builder.Ignore(a => a.IsDeleted);
        builder.Ignore(a => a.IsPayable);
        builder.Ignore(a => a.RemainingVerificationAttempts);
    }
}
