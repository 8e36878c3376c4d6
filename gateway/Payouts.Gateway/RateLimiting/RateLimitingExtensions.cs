using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>
    /// A global fixed-window limiter per <see cref="RateLimitPartitionKeys"/>; rejections get 429,
    /// <c>Retry-After</c> and the family envelope. Health probes are never limited.
    /// </summary>
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (Extensions.IsHealthProbe(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("health");
                }

                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.RateLimit;
                return RateLimitPartition.GetFixedWindowLimiter(RateLimitPartitionKeys.For(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = WriteRejectionAsync;
        });
        return services;
    }

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var window = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.RateLimit.WindowSeconds;
        // The fixed window reports when it reopens; fall back to a whole window if it does not.
        var retryAfterSeconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : window;

        await ApiErrorWriter.TryWriteAsync(context, ApiError.RateLimitExceeded(retryAfterSeconds));
    }
}
