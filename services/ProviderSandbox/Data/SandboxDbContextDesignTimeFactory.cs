using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.ProviderSandbox.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the sandbox; it never connects.</summary>
public sealed class SandboxDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SandboxDbContext>
{
    public SandboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SandboxDbContext>().UseNpgsql("Host=127.0.0.1;Database=providersandboxdb").Options);
}
