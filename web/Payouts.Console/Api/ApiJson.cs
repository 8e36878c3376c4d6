using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.Console.Api;

/// <summary>How each API family names its properties (ARCHITECTURE §5): snake_case, except the admin API's camelCase.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions SnakeCase = Create(JsonNamingPolicy.SnakeCaseLower);

    public static readonly JsonSerializerOptions CamelCase = Create(JsonNamingPolicy.CamelCase);

    private static JsonSerializerOptions Create(JsonNamingPolicy naming) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = naming,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
