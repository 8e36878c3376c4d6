using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.PayoutService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service; it never connects.</summary>
public sealed class PayoutsDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PayoutsDbContext>
{
    public PayoutsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PayoutsDbContext>().UseNpgsql("Host=127.0.0.1;Database=payoutsdb").Options);
}
