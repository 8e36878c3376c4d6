using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.ServiceDefaults.Json;

/// <summary>Writes every <c>decimal</c> of a family's body as <see cref="Money"/>, except properties marked <see cref="RateAttribute"/>.</summary>
public sealed class MoneyJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    // A decimal parsed from the text keeps its scale, so the number is written with exactly those digits.
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(decimal.Parse(Money.Format(value), CultureInfo.InvariantCulture));
}
