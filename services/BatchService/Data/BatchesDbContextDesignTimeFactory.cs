using Payouts.Data;

namespace Payouts.BatchService.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class BatchesDbContextDesignTimeFactory() : NpgsqlDesignTimeDbContextFactory<BatchesDbContext>("batchesdb", options => new(options));
