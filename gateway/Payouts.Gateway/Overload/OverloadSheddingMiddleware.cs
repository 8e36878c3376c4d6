using System.Threading.RateLimiting;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.Gateway.Overload;

/// <summary>
/// Forwards at most <see cref="OverloadOptions.MaxConcurrentRequests"/> requests at once; up to
/// <see cref="OverloadOptions.QueueLimit"/> more wait their turn for at most <see cref="OverloadOptions.MaxQueueWait"/>.
/// Anything beyond is answered 503 with <c>Retry-After</c> at once, so an overloaded platform refuses work quickly
/// instead of making every caller wait longer and longer. Runs first: a shed request costs no token validation.
/// Health probes are never shed.
/// </summary>
public sealed class OverloadSheddingMiddleware(RequestDelegate next, ConcurrencyLimiter limiter, OverloadOptions options)
{
    public const string BusyMessage = "The platform is busy. Please try again shortly.";

    public async Task InvokeAsync(HttpContext context)
    {
        if (Extensions.IsHealthProbe(context.Request))
        {
            await next(context);
            return;
        }

        using var lease = await AcquireAsync(context.RequestAborted);
        if (lease is not { IsAcquired: true })
        {
            await ApiErrorWriter.TryWriteAsync(context, ApiError.ServiceUnavailable(BusyMessage) with { RetryAfter = options.RetryAfter });
            return;
        }
        await next(context);
    }

    /// <summary>The lease, or null when the queue wait ran out.</summary>
    private async ValueTask<RateLimitLease?> AcquireAsync(CancellationToken requestAborted)
    {
        // A free place is taken at once, without the timer every queued wait needs.
        var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired || options.QueueLimit == 0) return lease;
        lease.Dispose();

        using var queueWait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        queueWait.CancelAfter(options.MaxQueueWait);
        try
        {
            return await limiter.AcquireAsync(1, queueWait.Token);
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return null;
        }
    }
}
