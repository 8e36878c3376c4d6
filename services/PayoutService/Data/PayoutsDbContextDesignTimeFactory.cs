using Payouts.Data;

namespace Payouts.PayoutService.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class PayoutsDbContextDesignTimeFactory() : NpgsqlDesignTimeDbContextFactory<PayoutsDbContext>("payoutsdb", options => new(options));
