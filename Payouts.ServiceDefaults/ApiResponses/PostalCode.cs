using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.ServiceDefaults.ApiResponses;

/// <summary>
/// A <c>postal_code</c> written back with the JSON type its client sent: seed 002 shows <c>900901</c> as a number, other
/// clients send <c>"SW1A 1AA"</c>. <see cref="Value"/> is the text as received (a number's own JSON text).
/// </summary>
[JsonConverter(typeof(PostalCodeJsonConverter))]
public readonly record struct PostalCode(string Value, bool IsNumber)
{
    public static PostalCode? Of(string? value, bool isNumber) => value is null ? null : new PostalCode(value, isNumber);
}

public sealed class PostalCodeJsonConverter : JsonConverter<PostalCode>
{
    public override PostalCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => new PostalCode(System.Text.Encoding.UTF8.GetString(reader.ValueSpan), IsNumber: true),
        JsonTokenType.String => new PostalCode(reader.GetString()!, IsNumber: false),
        _ => throw new JsonException("A postal code is a string or a number."),
    };

    public override void Write(Utf8JsonWriter writer, PostalCode value, JsonSerializerOptions options)
    {
        // The number's text came from a parsed JSON number, so it is written as that number again.
        if (value.IsNumber) writer.WriteRawValue(value.Value);
        else writer.WriteStringValue(value.Value);
    }
}
