using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Domain;
using Payouts.Messaging;

namespace Payouts.BankAccountService.Data;

/// <summary>The bankaccountsdb database, owned by this service alone.</summary>
public sealed class BankAccountsDbContext(DbContextOptions<BankAccountsDbContext> options) : DbContext(options)
{
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();
    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();
    public DbSet<BeneficiaryDetails> BeneficiaryDetails => Set<BeneficiaryDetails>();
    public DbSet<SettlementDestinationAudit> SettlementDestinationAudits => Set<SettlementDestinationAudit>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BankAccountsDbContext).Assembly);

        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
