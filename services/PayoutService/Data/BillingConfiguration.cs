using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.PayoutService.Domain.Billing;

namespace Payouts.PayoutService.Data;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices");
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.AccountType).HasMaxLength(16);
        builder.Property(i => i.AccountId).HasMaxLength(100);
        builder.HasIndex(i => new { i.AccountType, i.AccountId });
        builder.Property(i => i.Country).HasMaxLength(2);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Ignore(i => i.Account);
    }
}

internal sealed class BillingPaymentConfiguration : IEntityTypeConfiguration<BillingPayment>
{
    public void Configure(EntityTypeBuilder<BillingPayment> builder)
    {
        builder.ToTable("billing_payments");
        builder.Property(p => p.AccountType).HasMaxLength(16);
        builder.Property(p => p.AccountId).HasMaxLength(100);
        builder.HasIndex(p => new { p.AccountType, p.AccountId, p.CreatedAt });
        builder.Ignore(p => p.Account);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.FailureReason).HasMaxLength(500);
    }
}

/// <summary>Manual payment methods per country: configuration seeded by migration.</summary>
internal sealed class BillingMethodConfigConfiguration : IEntityTypeConfiguration<BillingMethodConfig>
{
    public void Configure(EntityTypeBuilder<BillingMethodConfig> builder)
    {
        builder.ToTable("billing_method_configs");
        builder.HasIndex(c => new { c.Country, c.Method }).IsUnique();
        builder.HasData(
            new BillingMethodConfig { Id = 1, Country = "*", Method = "bank_transfer", Name = "Bank Transfer", Instructions = "Transfer the invoice total to the platform's bank account quoting the invoice number.", Enabled = true },
            new BillingMethodConfig { Id = 2, Country = "NG", Method = "local_wallet", Name = "Local Wallet", Instructions = "Pay from your local mobile wallet quoting the invoice number.", Enabled = true },
            new BillingMethodConfig { Id = 3, Country = "KE", Method = "local_wallet", Name = "Local Wallet", Instructions = "Pay from your local mobile wallet quoting the invoice number.", Enabled = true });
    }
}
