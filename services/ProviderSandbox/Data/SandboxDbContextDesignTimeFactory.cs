using Payouts.Data;

namespace Payouts.ProviderSandbox.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class SandboxDbContextDesignTimeFactory() : NpgsqlDesignTimeDbContextFactory<SandboxDbContext>("providersandboxdb", options => new(options));
