using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Payouts.Gateway.Overload;

public static class OverloadSheddingExtensions
{
    public static IServiceCollection AddOverloadShedding(this IServiceCollection services)
    {
        services.AddOptions<OverloadOptions>()
            .BindConfiguration($"{GatewayOptions.SectionName}:Overload")
            .Validate(o => o.MaxConcurrentRequests > 0, "Gateway:Overload:MaxConcurrentRequests must be positive.")
            .Validate(o => o.QueueLimit >= 0, "Gateway:Overload:QueueLimit must not be negative.")
            .Validate(o => o.MaxQueueWait > TimeSpan.Zero, "Gateway:Overload:MaxQueueWait must be positive.")
            .Validate(o => o.RetryAfter >= TimeSpan.FromSeconds(1), "Gateway:Overload:RetryAfter must be at least one second.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OverloadOptions>>().Value);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<OverloadOptions>();
            return new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = options.MaxConcurrentRequests,
                QueueLimit = options.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });
        });
        return services;
    }

    public static IApplicationBuilder UseOverloadShedding(this IApplicationBuilder app) =>
        app.UseMiddleware<OverloadSheddingMiddleware>();
}
