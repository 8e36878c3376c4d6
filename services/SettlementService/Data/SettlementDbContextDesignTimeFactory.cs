using Payouts.Data;

namespace Payouts.SettlementService.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class SettlementDbContextDesignTimeFactory() : NpgsqlDesignTimeDbContextFactory<SettlementDbContext>("settlementdb", options => new(options));
