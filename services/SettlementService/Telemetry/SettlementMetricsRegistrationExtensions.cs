using Microsoft.EntityFrameworkCore;
using Payouts.SettlementService.Data;

namespace Payouts.SettlementService.Telemetry;

public static class SettlementMetricsRegistrationExtensions
{
    /// <summary><c>payouts.settlement.duration</c> (meter <c>Payouts.Settlement</c>).</summary>
    public static IServiceCollection AddSettlementMetrics(this IServiceCollection services)
    {
        services.AddSingleton<SettlementDurationRecorder>();
        services.ConfigureDbContext<SettlementDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<SettlementDurationRecorder>()));
        return services;
    }
}
