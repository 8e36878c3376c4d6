using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;

namespace Payouts.BankAccountService.Data;

/// <summary>The bankaccountsdb database, owned by this service alone.</summary>
public sealed class BankAccountsDbContext(DbContextOptions<BankAccountsDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Outbox and inbox tables live beside the service's own tables so state changes and messages commit together.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
