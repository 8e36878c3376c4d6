using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.BankAccountService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service; it never connects.</summary>
public sealed class BankAccountsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BankAccountsDbContext>
{
    public BankAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BankAccountsDbContext>().UseNpgsql("Host=127.0.0.1;Database=bankaccountsdb").Options);
}
