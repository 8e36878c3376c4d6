using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.BatchService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service; it never connects.</summary>
public sealed class BatchesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BatchesDbContext>
{
    public BatchesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BatchesDbContext>().UseNpgsql("Host=127.0.0.1;Database=batchesdb").Options);
}
