using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.ServiceDefaults.Json;

/// <summary>Writes a <see cref="DateTimeOffset"/> in UTC with a <c>Z</c>, in its family's format (<see cref="FamilyJson.TimestampFormat"/>).</summary>
public sealed class UtcTimestampJsonConverter(string format) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
}
