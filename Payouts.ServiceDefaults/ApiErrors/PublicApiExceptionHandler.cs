using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>
/// Turns unhandled exceptions on public API paths into the family envelope, without details.
/// Other paths fall through to ProblemDetails.
/// </summary>
public sealed partial class PublicApiExceptionHandler(ILogger<PublicApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!ApiFamilies.IsPublicApiPath(httpContext.Request.Path))
        {
            return false;
        }

        // Malformed requests (bad body, body over the server limit) are the client's fault.
        var error = exception is BadHttpRequestException badRequest
            ? ApiError.ForStatusCode(badRequest.StatusCode)
            : ApiError.Internal();

        if (error.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        return await ApiErrorWriter.TryWriteAsync(httpContext, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
