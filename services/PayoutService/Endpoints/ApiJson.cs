using System.Text.Json;
using System.Text.Json.Serialization;
using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Endpoints;

/// <summary>Each family's JSON: seed 000/002/003 snake_case, seed 004 camelCase.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);

    public static OperationResponse Response<T>(T body, JsonSerializerOptions options, int statusCode = StatusCodes.Status200OK) =>
        new(statusCode, JsonSerializer.Serialize(body, options));

    public static IResult ToResult(this OperationResponse response) =>
        Results.Content(response.Json, "application/json; charset=utf-8", statusCode: response.StatusCode);

    /// <summary>The stored response, or the error in the family's envelope.</summary>
    public static IResult ToResult(this ApiOutcome<OperationResponse> outcome) =>
        outcome.Error is { } error ? error.ToResult() : outcome.Value!.ToResult();

    public static IResult Snake<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, SnakeCase, statusCode: statusCode);

    public static IResult Camel<T>(T body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, CamelCase, statusCode: statusCode);
}
