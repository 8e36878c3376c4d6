using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Data;

internal sealed class TwoFactorEnrollmentConfiguration : IEntityTypeConfiguration<TwoFactorEnrollment>
{
    public void Configure(EntityTypeBuilder<TwoFactorEnrollment> builder)
    {
        builder.ToTable("two_factor_enrollments");
        // One second factor per user of a company.
        builder.HasKey(e => new { e.CompanyId, e.Subject });
        builder.Property(e => e.CompanyId).HasColumnName("company_id").HasMaxLength(100);
        builder.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(200);
        builder.Property(e => e.SecretCiphertext).HasColumnName("secret_ciphertext");
        builder.Property(e => e.EnrolledAt).HasColumnName("enrolled_at");
        builder.Property(e => e.ConfirmedAt).HasColumnName("confirmed_at");
        builder.Property(e => e.LastUsedStep).HasColumnName("last_used_step");
        builder.Property(e => e.FailedAttempts).HasColumnName("failed_attempts");
        builder.Property(e => e.FirstFailureAt).HasColumnName("first_failure_at");
        builder.Property(e => e.LockedUntil).HasColumnName("locked_until");
        builder.Ignore(e => e.IsConfirmed);
    }
}
