using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain;

namespace Payouts.PayoutService.Data;

/// <summary>Payment methods are configuration rows; the migration seeds the platform's defaults (seed 000).</summary>
internal sealed class PaymentMethodConfiguration : IEntityTypeConfiguration<PaymentMethod>
{
    public void Configure(EntityTypeBuilder<PaymentMethod> builder)
    {
        builder.ToTable("payment_methods");
        builder.Property(m => m.Id).HasMaxLength(32);
        builder.HasData(
            new PaymentMethod
            {
                Id = PaymentMethodIds.BankTransfer, Name = "Bank Transfer", Description = "Direct bank transfer",
                ProcessingTime = "2-3 business days", MinimumAmount = 50, MaximumAmount = 10000, FixedFee = 0, PercentageFee = 0,
                Enabled = true, SortOrder = 1,
            },
            new PaymentMethod
            {
                Id = PaymentMethodIds.PayPal, Name = "PayPal", Description = "PayPal transfer",
                ProcessingTime = "1-2 business days", MinimumAmount = 10, MaximumAmount = 5000, FixedFee = 0, PercentageFee = 2.9m,
                Enabled = true, SortOrder = 2,
            },
            new PaymentMethod
            {
                Id = PaymentMethodIds.Stripe, Name = "Stripe", Description = "Stripe transfer",
                ProcessingTime = "1-2 business days", MinimumAmount = 10, MaximumAmount = 5000, FixedFee = 0, PercentageFee = 2.9m,
                Enabled = true, SortOrder = 3,
            },
            new PaymentMethod
            {
                Id = PaymentMethodIds.Check, Name = "Check", Description = "Physical check",
                ProcessingTime = "5-7 business days", MinimumAmount = 25, MaximumAmount = 5000, FixedFee = 1.50m, PercentageFee = 0,
                Enabled = true, SortOrder = 4,
            });
    }
}
