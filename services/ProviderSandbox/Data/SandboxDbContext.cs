using Microsoft.EntityFrameworkCore;
using Payouts.Data;
using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Data;

/// <summary>The providersandboxdb database: the sandbox's transfers and debit account balances, kept across restarts.</summary>
public sealed class SandboxDbContext(DbContextOptions<SandboxDbContext> options) : DbContext(options)
{
    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<AccountBalance> AccountBalances => Set<AccountBalance>();

    public DbSet<FirstAttempt> FirstAttempts => Set<FirstAttempt>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SandboxDbContext).Assembly);
        SnakeCaseColumns.Apply(modelBuilder, typeof(Transfer).Namespace!);
    }
}
