using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payouts.ServiceDefaults;

/// <summary>Readiness tags for the health checks Aspire's client integrations register (databases, brokers).</summary>
public static class HealthCheckTagging
{
    /// <summary>
    /// Adds <paramref name="tag"/> to the health check registered as <paramref name="name"/>: Aspire's client
    /// integrations register theirs without tags, and <c>/alive</c> and <c>/health</c> tell checks apart by tag.
    /// </summary>
    public static IServiceCollection TagHealthCheck(this IServiceCollection services, string name, string tag) =>
        services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            // None when configuration turns the integration's check off (Aspire:…:DisableHealthChecks).
            foreach (var registration in options.Registrations.Where(registration => registration.Name == name))
            {
                registration.Tags.Add(tag);
            }
        });
}
