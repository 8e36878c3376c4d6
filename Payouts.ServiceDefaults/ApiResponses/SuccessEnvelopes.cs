using Microsoft.AspNetCore.Http;

namespace Payouts.ServiceDefaults.ApiResponses;

// The success bodies of two families that more than one service answers in (their errors: ApiErrorEnvelope). Both
// families write them snake_case.

/// <summary>Seed 000's <c>{status, message}</c>: the answer of an action that has nothing more to tell.</summary>
public sealed record StatusMessage(string Status, string Message)
{
    public static StatusMessage Success(string message) => new("success", message);
}

/// <summary>Seed 002's envelope of a successful answer: <c>{status, status_code, message, data}</c>.</summary>
public sealed record SinglePayoutResponse<T>(string Status, int StatusCode, string Message, T Data)
{
    public static SinglePayoutResponse<T> Of(T data, int statusCode = StatusCodes.Status200OK, string message = "Request successful") =>
        new("success", statusCode, message, data);
}
