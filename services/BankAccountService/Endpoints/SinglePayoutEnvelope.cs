using System.Text.Json.Serialization;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 002's success envelope: <c>{status, status_code, message, data}</c>.</summary>
public sealed record SinglePayoutEnvelope<T>(int StatusCode, string Message, T? Data)
{
    [JsonPropertyOrder(-1)]
    public string Status => "success";
}

public static class SinglePayoutEnvelope
{
    public static IResult Ok<T>(T? data, int statusCode = StatusCodes.Status200OK, string message = "Request successful") =>
        Results.Json(new SinglePayoutEnvelope<T>(statusCode, message, data), statusCode: statusCode);
}
