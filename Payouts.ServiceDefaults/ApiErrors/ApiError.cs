using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>
/// An error to report on the public API, independent of the family envelope it is written in.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Code">The machine-readable code seed 000 puts in <c>error</c> (e.g. <c>not_found</c>).</param>
/// <param name="Message">The human-readable text every family shows.</param>
/// <param name="Field">The offending field for a single-field validation error.</param>
/// <param name="FieldErrors">Validation messages per field (seed 002 puts them in <c>data</c>).</param>
public sealed record ApiError(
    int StatusCode,
    string Code,
    string Message,
    string? Field = null,
    IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static ApiError AuthenticationRequired(string message = "Authentication is required for this endpoint") =>
        new(StatusCodes.Status401Unauthorized, "authentication_required", message);

    public static ApiError InsufficientPermissions(string message = "You don't have permission to access this resource") =>
        new(StatusCodes.Status403Forbidden, "insufficient_permissions", message);

    public static ApiError NotFound(string message = "The requested resource was not found") =>
        new(StatusCodes.Status404NotFound, "not_found", message);

    public static ApiError MethodNotAllowed(string message = "The HTTP method is not allowed for this endpoint") =>
        new(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", message);

    public static ApiError RateLimitExceeded(int retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, "rate_limit_exceeded",
            $"Rate limit exceeded. Please try again in {retryAfterSeconds} seconds.")
        {
            RetryAfter = TimeSpan.FromSeconds(retryAfterSeconds),
        };

    public static ApiError PayloadTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
            $"Request body exceeds the maximum allowed size of {maxBytes} bytes");

    public static ApiError BadRequest(string message = "The request could not be understood") =>
        new(StatusCodes.Status400BadRequest, "bad_request", message);

    /// <summary>Seed 002's <c>message</c> above per-field errors, one field or many.</summary>
    public const string RequestFailed = "Request failed";

    public static ApiError Validation(string field, string message) =>
        new(StatusCodes.Status400BadRequest, "validation_error", message, field,
            new Dictionary<string, string[]> { [field] = [message] }) { SummaryMessage = RequestFailed };

    public static ApiError Validation(IReadOnlyDictionary<string, string[]> fieldErrors, string message = RequestFailed)
    {
        var first = fieldErrors.FirstOrDefault(entry => entry.Value.Length > 0);
        // Seed 000 carries one field; it gets the first one, with its own message.
        return first.Key is null
            ? new(StatusCodes.Status400BadRequest, "validation_error", message, null, fieldErrors)
            : new(StatusCodes.Status400BadRequest, "validation_error", first.Value[0], first.Key, fieldErrors) { SummaryMessage = message };
    }

    public static ApiError Internal(string message = "An unexpected error occurred") =>
        new(StatusCodes.Status500InternalServerError, "internal_error", message);

    public static ApiError BadGateway(string message = "The upstream service could not be reached") =>
        new(StatusCodes.Status502BadGateway, "service_unavailable", message);

    public static ApiError ServiceUnavailable(string message = "The service is temporarily unavailable") =>
        new(StatusCodes.Status503ServiceUnavailable, "service_unavailable", message);

    public static ApiError GatewayTimeout(string message = "The upstream service did not respond in time") =>
        new(StatusCodes.Status504GatewayTimeout, "gateway_timeout", message);

    /// <summary>
    /// The generic error for a status code that has nothing more specific to say, e.g. an empty
    /// 4xx/5xx response that needs a body.
    /// </summary>
    public static ApiError ForStatusCode(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => BadRequest(),
        StatusCodes.Status401Unauthorized => AuthenticationRequired(),
        StatusCodes.Status403Forbidden => InsufficientPermissions(),
        StatusCodes.Status404NotFound => NotFound(),
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed(),
        StatusCodes.Status413PayloadTooLarge => new(statusCode, "payload_too_large", "Request body is too large"),
        StatusCodes.Status429TooManyRequests => new(statusCode, "rate_limit_exceeded", "Rate limit exceeded. Please try again later."),
        StatusCodes.Status502BadGateway => BadGateway(),
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable(),
        StatusCodes.Status504GatewayTimeout => GatewayTimeout(),
        >= 500 => Internal() with { StatusCode = statusCode },
        _ => new(statusCode, "request_failed", "The request failed"),
    };

    /// <summary>
    /// A summary shown above per-field errors by envelopes that have one (seed 002's
    /// "Request failed"); <see cref="Message"/> when not set.
    /// </summary>
    public string? SummaryMessage { get; init; }

    /// <summary>When asking again can succeed (a lock or a limit that ends): sent as <c>Retry-After</c>, whole seconds rounded up.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
