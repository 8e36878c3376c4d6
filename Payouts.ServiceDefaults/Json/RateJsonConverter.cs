using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.ServiceDefaults.Json;

/// <summary>Writes a <see cref="RateAttribute"/> property with its significant digits, without the storage's trailing zeros.</summary>
internal sealed class RateJsonConverter : JsonConverter<decimal>
{
    public static readonly RateJsonConverter Instance = new();

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
}

/// <summary><see cref="RateJsonConverter"/> for <c>decimal?</c> properties.</summary>
internal sealed class NullableRateJsonConverter : JsonConverter<decimal?>
{
    public static readonly NullableRateJsonConverter Instance = new();

    public override bool HandleNull => true;

    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        if (value is { } rate) RateJsonConverter.Instance.Write(writer, rate, options);
        else writer.WriteNullValue();
    }
}
