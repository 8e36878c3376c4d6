using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.SettlementService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service; it never connects.</summary>
public sealed class SettlementDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SettlementDbContext>
{
    public SettlementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SettlementDbContext>().UseNpgsql("Host=127.0.0.1;Database=settlementdb").Options);
}
