using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Payouts.ServiceDefaults.Correlation;

/// <summary>
/// Establishes the request's correlation id: taken from <c>X-Correlation-Id</c> when safe, else
/// generated; written back to the request headers (so a proxy forwards the same value), put in
/// the logging scope and on the current Activity, and echoed on the response.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var correlationId = CorrelationIds.FromHeaderOrNew(context.Request.Headers[CorrelationIds.HeaderName]);
        context.Request.Headers[CorrelationIds.HeaderName] = correlationId;
        context.Items[CorrelationIds.HeaderName] = correlationId;

        if (Activity.Current is { } activity)
        {
            activity.SetTag(CorrelationIds.ActivityKey, correlationId);
            activity.SetBaggage(CorrelationIds.ActivityKey, correlationId);
        }

        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationIds.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (logger.BeginScope(new Dictionary<string, object> { [CorrelationIds.LogScopeKey] = correlationId }))
        {
            await next(context);
        }
    }
}
