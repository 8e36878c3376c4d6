using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain;

namespace Payouts.PayoutService.Data;

internal sealed class BankAccountViewConfiguration : IEntityTypeConfiguration<BankAccountView>
{
    public void Configure(EntityTypeBuilder<BankAccountView> builder)
    {
        builder.ToTable("bank_accounts");
        // BankAccountService's id: this table mirrors it.
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasIndex(a => a.UserId);
    }
}

internal sealed class BeneficiaryDestinationViewConfiguration : IEntityTypeConfiguration<BeneficiaryDestinationView>
{
    public void Configure(EntityTypeBuilder<BeneficiaryDestinationView> builder)
    {
        builder.ToTable("beneficiary_destinations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => d.BeneficiaryId);
    }
}

internal sealed class BeneficiaryViewConfiguration : IEntityTypeConfiguration<BeneficiaryView>
{
    public void Configure(EntityTypeBuilder<BeneficiaryView> builder)
    {
        builder.ToTable("beneficiaries");
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.HasIndex(b => b.UserId);
    }
}

internal sealed class UserTransactionConfiguration : IEntityTypeConfiguration<UserTransaction>
{
    public void Configure(EntityTypeBuilder<UserTransaction> builder)
    {
        builder.ToTable("user_transactions");
        builder.HasIndex(t => t.Uuid).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.CreatedAt });
        builder.HasIndex(t => new { t.CompanyId, t.CreatedAt });
        builder.Property(t => t.CompanyId).HasMaxLength(64);
        builder.Property(t => t.Currency).HasMaxLength(3);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Key).HasMaxLength(255);
    }
}
