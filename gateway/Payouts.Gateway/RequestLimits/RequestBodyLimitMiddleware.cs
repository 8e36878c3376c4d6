using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.Gateway.RequestLimits;

/// <summary>
/// Caps request bodies at <see cref="GatewayOptions.MaxRequestBodyBytes"/>: a declared
/// Content-Length over the cap is refused before anything is forwarded; a chunked body is cut off
/// by the server once it passes the cap (the forwarder then reports 413, see
/// <see cref="Errors.ForwarderErrorEnvelopeMiddleware"/>).
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptionsMonitor<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var maxBytes = options.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > maxBytes)
        {
            return ApiErrorWriter.TryWriteAsync(context, ApiError.PayloadTooLarge(maxBytes));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    }
}
