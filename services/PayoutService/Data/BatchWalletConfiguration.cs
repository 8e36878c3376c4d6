using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain.Batches;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Data;

internal sealed class BatchFundsHoldConfiguration : IEntityTypeConfiguration<BatchFundsHold>
{
    public void Configure(EntityTypeBuilder<BatchFundsHold> builder)
    {
        builder.ToTable("batch_fund_holds");
        // BatchService's id: the key is what makes a repeated reserve find the first one.
        builder.HasKey(h => h.BatchId);
        builder.Property(h => h.BatchId).ValueGeneratedNever();
        builder.HasIndex(h => new { h.CompanyId, h.Status });
        builder.Property(h => h.CompanyId).HasMaxLength(64);
        builder.Property(h => h.Currency).HasMaxLength(3);
        builder.Property(h => h.Status).HasMaxLength(16);
    }
}

internal sealed class BatchRecipientPaymentConfiguration : IEntityTypeConfiguration<BatchRecipientPayment>
{
    public void Configure(EntityTypeBuilder<BatchRecipientPayment> builder)
    {
        builder.ToTable("batch_recipient_payments");
        // BatchService's recipient id: a recipient is paid at most once, whatever message asks again.
        builder.HasKey(r => r.RecipientId);
        builder.Property(r => r.RecipientId).ValueGeneratedNever();
        builder.HasIndex(r => r.BatchId);
        builder.HasIndex(r => r.PayoutId).IsUnique();
        builder.HasOne<Payout>().WithMany().HasForeignKey(r => r.PayoutId);
        builder.Property(r => r.CompanyId).HasMaxLength(64);
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.Property(r => r.Rail).HasMaxLength(16);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.TransactionReference).HasMaxLength(100);
        builder.Property(r => r.FailureReason).HasMaxLength(500);
    }
}
