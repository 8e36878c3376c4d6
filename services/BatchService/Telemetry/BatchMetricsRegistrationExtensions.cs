using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Data;
using Payouts.Messaging.Telemetry;

namespace Payouts.BatchService.Telemetry;

public static class BatchMetricsRegistrationExtensions
{
    /// <summary><c>payouts.batch.count</c>, <c>payouts.batch.recipients</c> and <c>payouts.batch.duration</c> (meter <c>Payouts.BatchService</c>).</summary>
    public static IServiceCollection AddBatchMetrics(this IServiceCollection services)
    {
        services.AddSingleton<BatchCountGauge>();
        services.AddHostedService<InstrumentsActivation<BatchCountGauge>>();
        services.AddSingleton<BatchOutcomeRecorder>();
        services.ConfigureDbContext<BatchesDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<BatchOutcomeRecorder>()));
        return services;
    }
}
