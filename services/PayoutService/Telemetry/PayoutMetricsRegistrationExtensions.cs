using Microsoft.EntityFrameworkCore;
using Payouts.Messaging.Telemetry;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Telemetry;

public static class PayoutMetricsRegistrationExtensions
{
    /// <summary><c>payouts.payout.count</c> and <c>payouts.payout.transitions</c> (meter <c>Payouts.PayoutService</c>).</summary>
    public static IServiceCollection AddPayoutMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PayoutCountGauge>();
        services.AddHostedService<InstrumentsActivation<PayoutCountGauge>>();
        services.AddSingleton<PayoutTransitionCounter>();
        services.ConfigureDbContext<PayoutsDbContext>((provider, db) => db.AddInterceptors(provider.GetRequiredService<PayoutTransitionCounter>()));
        return services;
    }
}
