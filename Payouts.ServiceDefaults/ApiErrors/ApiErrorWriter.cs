using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>
/// Writes an <see cref="ApiError"/> to the response in the envelope of the request path's family.
/// The one place the gateway and the services turn errors into bodies.
/// </summary>
public static class ApiErrorWriter
{
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Writes <paramref name="error"/> unless the response has already started (then nothing
    /// more can be said to the client). Returns whether it wrote.
    /// </summary>
    public static async Task<bool> TryWriteAsync(HttpContext context, ApiError error)
    {
        if (context.Response.HasStarted)
        {
            return false;
        }

        var body = ApiErrorEnvelope.Create(ApiFamilies.Classify(context.Request.Path), error);
        context.Response.StatusCode = error.StatusCode;
        // Leftovers from a proxied or partly built response must not describe this body.
        context.Response.Headers.ContentLength = null;
        context.Response.Headers.ContentEncoding = default;
        WriteRetryAfter(context.Response, error);
        await context.Response.WriteAsJsonAsync<JsonNode>(body, options: null, contentType: JsonContentType, context.RequestAborted);
        return true;
    }

    /// <summary>Sets <c>Retry-After</c> from <see cref="ApiError.RetryAfter"/>, for writers of other bodies too.</summary>
    public static void WriteRetryAfter(HttpResponse response, ApiError error)
    {
        if (error.RetryAfter is not { } wait) return;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An <see cref="IResult"/> for endpoints that return errors: the envelope follows the request path.</summary>
    public static IResult ToResult(this ApiError error) => new ApiErrorResult(error);

    private sealed class ApiErrorResult(ApiError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => TryWriteAsync(httpContext, error);
    }
}
