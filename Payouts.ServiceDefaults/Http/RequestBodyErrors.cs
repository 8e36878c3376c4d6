using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Http;

/// <summary>The answers to a request body <see cref="RequestFields"/> cannot read.</summary>
public static class RequestBodyErrors
{
    public static readonly ApiError MalformedForm = ApiError.BadRequest("The request body is not a valid form");

    public static readonly ApiError MalformedJson = ApiError.BadRequest("The request body is not valid JSON");

    public static readonly ApiError NotAnObject = ApiError.BadRequest("The request body must be a JSON object");

    /// <summary>A body of another type, as PayoutService's families answer it.</summary>
    public static readonly ApiError UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
        "Content-Type must be application/x-www-form-urlencoded, multipart/form-data or application/json");

    /// <summary>A body of another type, as the bulk family answers it (seed 001 takes JSON only).</summary>
    public static readonly ApiError NotJson = ApiError.BadRequest("The request body must be JSON (Content-Type: application/json)");

    /// <summary>A body over a service's own cap, as the bulk family answers it (seed 001 lists 400, not 413).</summary>
    public static ApiError TooLarge(long maxBytes) => ApiError.BadRequest($"The request body must be at most {maxBytes} bytes");

    /// <summary>A body of another type, as BankAccountService's families answer it (seed 000 bank accounts, seed 002 beneficiaries).</summary>
    public static readonly ApiError NotFormOrJson =
        ApiError.BadRequest("The request body must be form-encoded (application/x-www-form-urlencoded) or JSON");
}
