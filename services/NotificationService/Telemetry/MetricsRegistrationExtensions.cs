using Payouts.Messaging.Telemetry;

namespace Payouts.NotificationService.Telemetry;

public static class MetricsRegistrationExtensions
{
    /// <summary><c>payouts.webhook.attempts</c>, <c>payouts.webhook.backlog</c> and <c>payouts.webhook.oldest_undelivered_age</c> (meter <c>Payouts.NotificationService</c>).</summary>
    public static IServiceCollection AddWebhookMetrics(this IServiceCollection services)
    {
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookBacklogGauge>();
        services.AddHostedService<InstrumentsActivation<WebhookBacklogGauge>>();
        return services;
    }

    /// <summary><c>payouts.email.sends</c> and <c>payouts.email.backlog</c> (meter <c>Payouts.NotificationService</c>).</summary>
    public static IServiceCollection AddEmailMetrics(this IServiceCollection services)
    {
        services.AddSingleton<EmailMetrics>();
        services.AddSingleton<EmailBacklogGauge>();
        services.AddHostedService<InstrumentsActivation<EmailBacklogGauge>>();
        return services;
    }
}
