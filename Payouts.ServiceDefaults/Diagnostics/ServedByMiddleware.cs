using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.Diagnostics;

/// <summary>
/// Sets <c>X-Served-By</c> to this service's name, unless a proxied response already carries the
/// name of the service that actually answered (the gateway keeps its backend's value).
/// </summary>
public sealed class ServedByMiddleware(RequestDelegate next, ServiceIdentity identity)
{
    public const string HeaderName = "X-Served-By";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey(HeaderName))
            {
                context.Response.Headers[HeaderName] = identity.Name;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
