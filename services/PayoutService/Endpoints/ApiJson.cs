using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Stored responses of idempotent operations, written once in their family's JSON (<see cref="FamilyJson"/>).</summary>
public static class ApiJson
{
    public static OperationResponse Response<T>(T body, ApiFamily family, int statusCode = StatusCodes.Status200OK) =>
        new(statusCode, FamilyJson.Serialize(body, family));

    public static IResult ToResult(this OperationResponse response) =>
        Results.Content(response.Json, FamilyJson.ContentType, statusCode: response.StatusCode);

    /// <summary>The stored response, or the error in the family's envelope.</summary>
    public static IResult ToResult(this ApiOutcome<OperationResponse> outcome) =>
        outcome.Error is { } error ? error.ToResult() : outcome.Value!.ToResult();
}
