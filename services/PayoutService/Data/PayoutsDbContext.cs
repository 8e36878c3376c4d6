using Microsoft.EntityFrameworkCore;
using Payouts.Data;
using Payouts.Messaging;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Data;

/// <summary>The payoutsdb database, owned by this service alone.</summary>
public sealed class PayoutsDbContext(DbContextOptions<PayoutsDbContext> options) : DbContext(options)
{
    public DbSet<DirectoryUser> Users => Set<DirectoryUser>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<LedgerAccount> LedgerAccounts => Set<LedgerAccount>();
    public DbSet<LedgerTransaction> LedgerTransactions => Set<LedgerTransaction>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
    public DbSet<Domain.Fx.FxRate> FxRates => Set<Domain.Fx.FxRate>();
    public DbSet<Payout> Payouts => Set<Payout>();
    public DbSet<BankAccountView> BankAccounts => Set<BankAccountView>();
    public DbSet<BeneficiaryDestinationView> BeneficiaryDestinations => Set<BeneficiaryDestinationView>();
    public DbSet<BeneficiaryView> Beneficiaries => Set<BeneficiaryView>();
    public DbSet<UserTransaction> UserTransactions => Set<UserTransaction>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Domain.Billing.Invoice> Invoices => Set<Domain.Billing.Invoice>();
    public DbSet<Domain.Billing.BillingPayment> BillingPayments => Set<Domain.Billing.BillingPayment>();
    public DbSet<Domain.Billing.BillingMethodConfig> BillingMethodConfigs => Set<Domain.Billing.BillingMethodConfig>();
    public DbSet<Domain.Batches.BatchFundsHold> BatchFundHolds => Set<Domain.Batches.BatchFundsHold>();
    public DbSet<Domain.Batches.BatchRecipientPayment> BatchRecipientPayments => Set<Domain.Batches.BatchRecipientPayment>();

    /// <summary>The current transaction's platform account changes (<see cref="PlatformBalanceInterceptor"/>).</summary>
    public PlatformBalanceChanges PlatformBalanceChanges { get; } = new();

    // Here rather than where the context is registered, so every context (service, tools, tests) applies them.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(PlatformBalanceInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money is numeric(19,4) everywhere (ARCHITECTURE §8); rounding to minor units happens at the boundary.
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PayoutsDbContext).Assembly);
        // Numbers behind PAY-<year>-<sequence> references.
        modelBuilder.HasSequence<long>("payout_reference_seq");
        modelBuilder.HasSequence<long>("invoice_number_seq");
        SnakeCaseColumns.Apply(modelBuilder, typeof(DirectoryUser).Namespace!);
    }
}
