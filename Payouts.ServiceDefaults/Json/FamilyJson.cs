using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Json;

/// <summary>
/// The one place that knows how each public family writes its bodies (ARCHITECTURE §5): property names, timestamps
/// (UTC with a <c>Z</c>, seconds or seed 002's microseconds) and money (<see cref="Money"/>). Error bodies are
/// <see cref="ApiErrorEnvelope"/>'s.
/// </summary>
public static class FamilyJson
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly FrozenDictionary<ApiFamily, JsonSerializerOptions> OptionsByFamily =
        Enum.GetValues<ApiFamily>().ToFrozenDictionary(family => family, Create);

    /// <summary>Seed 002 writes <c>2024-05-30T20:53:30.000000Z</c>; seeds 000 and 004 <c>2024-08-01T10:00:00Z</c>, and the others as 000.</summary>
    public static string TimestampFormat(ApiFamily family) => family == ApiFamily.SinglePayout
        ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"
        : "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static JsonSerializerOptions Options(ApiFamily family) => OptionsByFamily[family];

    public static string Serialize<T>(T body, ApiFamily family) => JsonSerializer.Serialize(body, Options(family));

    /// <summary>The body in the family of the request's path, as <see cref="ApiErrorWriter"/> picks the error envelope.</summary>
    public static IResult Result<T>(T body, int statusCode = StatusCodes.Status200OK) => new FamilyJsonResult<T>(body, statusCode);

    private static JsonSerializerOptions Create(ApiFamily family)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Seed 004 is camelCase, the others snake_case.
            PropertyNamingPolicy = family == ApiFamily.Admin ? JsonNamingPolicy.CamelCase : JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteRatesAsRates } },
        };
        options.Converters.Add(new UtcTimestampJsonConverter(TimestampFormat(family)));
        options.Converters.Add(new MoneyJsonConverter());
        options.MakeReadOnly();
        return options;
    }

    private static void WriteRatesAsRates(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.IsDefined(typeof(RateAttribute), inherit: true) != true) continue;
            property.CustomConverter = property.PropertyType == typeof(decimal?) ? NullableRateJsonConverter.Instance : RateJsonConverter.Instance;
        }
    }

    private sealed class FamilyJsonResult<T>(T body, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            return httpContext.Response.WriteAsJsonAsync(body, Options(ApiFamilies.Classify(httpContext.Request.Path)), ContentType,
                httpContext.RequestAborted);
        }
    }
}
