using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Data;

internal sealed class AccountBalanceConfiguration : IEntityTypeConfiguration<AccountBalance>
{
    public void Configure(EntityTypeBuilder<AccountBalance> builder)
    {
        builder.ToTable("account_balances", table =>
            table.HasCheckConstraint("ck_account_balances_not_negative", "balance >= 0"));
        builder.HasKey(b => new { b.AccountId, b.Currency });
        builder.Property(b => b.AccountId).HasMaxLength(64);
        builder.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(b => b.Balance).HasPrecision(19, 4);
    }
}
