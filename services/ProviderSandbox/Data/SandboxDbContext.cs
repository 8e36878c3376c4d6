using System.Text;
using Microsoft.EntityFrameworkCore;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Data;

/// <summary>The providersandboxdb database: the sandbox's transfers and settlement account balances, kept across restarts.</summary>
public sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<AccountBalance> AccountBalances => Set<AccountBalance>();

    public DbSet<FirstAttempt> FirstAttempts => Set<FirstAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Transfer>(transfer =>
        {
            transfer.ToTable("transfers");
            transfer.HasKey(t => t.Id);
            transfer.Property(t => t.Id).HasMaxLength(24);
            transfer.Property(t => t.PaymentReference).HasMaxLength(100);
            // The provider's idempotency: one transfer per payment reference, whatever races.
            transfer.HasIndex(t => t.PaymentReference).IsUnique();
            transfer.Property(t => t.DebitAccountId).HasMaxLength(64);
            transfer.Property(t => t.Rail).HasMaxLength(20);
            transfer.Property(t => t.BeneficiaryBankCode).HasMaxLength(20);
            transfer.Property(t => t.BeneficiaryAccountNumber).HasMaxLength(34);
            transfer.Property(t => t.BeneficiaryEmail).HasMaxLength(254);
            transfer.Property(t => t.BeneficiaryConnectedAccountId).HasMaxLength(64);
            transfer.Property(t => t.Destination).HasMaxLength(254);
            transfer.HasIndex(t => new { t.Destination, t.CreatedAt });
            transfer.Property(t => t.Amount).HasPrecision(19, 4);
            transfer.Property(t => t.Currency).HasMaxLength(3).IsFixedLength();
            transfer.Property(t => t.Narration).HasMaxLength(255);
            transfer.Property(t => t.Status).HasMaxLength(16);
            transfer.Property(t => t.FailureCode).HasMaxLength(40);
            transfer.Property(t => t.FailureReason).HasMaxLength(200);
            // The sweeper looks only for pending transfers that are due.
            transfer.HasIndex(t => t.ResolveAt).HasFilter("status = 'pending'");
        });

        modelBuilder.Entity<AccountBalance>(balance =>
        {
            balance.ToTable("account_balances", table =>
                table.HasCheckConstraint("ck_account_balances_not_negative", "balance >= 0"));
            balance.HasKey(b => new { b.AccountId, b.Currency });
            balance.Property(b => b.AccountId).HasMaxLength(64);
            balance.Property(b => b.Currency).HasMaxLength(3).IsFixedLength();
            balance.Property(b => b.Balance).HasPrecision(19, 4);
        });

        modelBuilder.Entity<FirstAttempt>(attempt =>
        {
            attempt.ToTable("first_attempts");
            attempt.HasKey(a => a.PaymentReference);
            attempt.Property(a => a.PaymentReference).HasMaxLength(100);
        });

        UseSnakeCaseColumns(modelBuilder);
    }

    private static void UseSnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
