using Payouts.Messaging.Telemetry;

namespace Payouts.NotificationService.Telemetry;

public static class WebhookMetricsRegistrationExtensions
{
    /// <summary><c>payouts.webhook.attempts</c>, <c>payouts.webhook.backlog</c> and <c>payouts.webhook.oldest_undelivered_age</c> (meter <c>Payouts.NotificationService</c>).</summary>
    public static IServiceCollection AddWebhookMetrics(this IServiceCollection services)
    {
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookBacklogGauge>();
        services.AddHostedService<InstrumentsActivation<WebhookBacklogGauge>>();
        return services;
    }
}
