using Microsoft.Extensions.Options;
using Payouts.ServiceDefaults.ApiErrors;
using Yarp.ReverseProxy.Forwarder;

namespace Payouts.Gateway.Errors;

/// <summary>
/// YARP answers a failed forward (destination down, timeout, no destination, client body cut off)
/// with a bare status code; this gives that response the family envelope.
/// </summary>
public sealed class ForwarderErrorEnvelopeMiddleware(RequestDelegate next, IOptionsMonitor<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var failure = context.GetForwarderErrorFeature();
        if (failure is null || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var statusCode = context.Response.StatusCode;
        var error = statusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ApiError.PayloadTooLarge(options.CurrentValue.MaxRequestBodyBytes),
            StatusCodes.Status503ServiceUnavailable when failure.Error == ForwarderError.NoAvailableDestinations =>
                ApiError.ServiceUnavailable("No instance of the service is available"),
            _ => ApiError.ForStatusCode(statusCode),
        };
        await ApiErrorWriter.TryWriteAsync(context, error);
    }
}
