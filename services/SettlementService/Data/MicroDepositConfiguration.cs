using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Data;

internal sealed class MicroDepositConfiguration : IEntityTypeConfiguration<MicroDeposit>
{
    public void Configure(EntityTypeBuilder<MicroDeposit> builder)
    {
        builder.ToTable("micro_deposits");
        builder.HasKey(d => new { d.VerificationId, d.Sequence });
        builder.Property(d => d.VerificationId).HasColumnName("verification_id");
        builder.Property(d => d.Sequence).HasColumnName("sequence");
        builder.Property(d => d.BankAccountId).HasColumnName("bank_account_id");
        builder.Property(d => d.PaymentReference).HasColumnName("payment_reference").HasMaxLength(100);
        builder.HasIndex(d => d.PaymentReference).IsUnique();
        builder.Property(d => d.Amount).HasColumnName("amount").HasPrecision(19, 4);
        builder.Property(d => d.Currency).HasColumnName("currency").HasMaxLength(3).IsFixedLength();
        builder.Property(d => d.Status).HasColumnName("status").HasMaxLength(16);
        builder.Property(d => d.ProviderTransferId).HasColumnName("provider_transfer_id").HasMaxLength(64);
        builder.Property(d => d.FailureCode).HasColumnName("failure_code").HasMaxLength(40);
        builder.Property(d => d.FailureReason).HasColumnName("failure_reason").HasMaxLength(200);
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.UpdatedAt).HasColumnName("updated_at");
    }
}
