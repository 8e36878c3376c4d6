using System.Globalization;
using System.Text;
using System.Text.Json;
using Payouts.PayoutService.Application;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// A request body's top-level fields as text. Seed 000 bodies are <c>key=value</c> form fields; JSON objects are
/// accepted alike (ARCHITECTURE §5). Other content types are refused with 415.
/// </summary>
public sealed class RequestFields
{
    private readonly Dictionary<string, string?> _values;

    private RequestFields(Dictionary<string, string?> values) => _values = values;

    public static RequestFields Empty { get; } = new(new Dictionary<string, string?>(StringComparer.Ordinal));

    public string? this[string name] => _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool Has(string name) => this[name] is not null;

    /// <summary>The fields in a stable order, for idempotency fingerprints.</summary>
    public string Fingerprint() =>
        string.Join('&', _values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));

    public static async Task<RequestFields> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return new RequestFields(form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal));
        }

        if (request.HasJsonContentType())
            return await ReadJsonAsync(request, cancellationToken);

        // No body at all is an empty request (missing fields are reported per field); a body of another type is not ours.
        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType))
            return Empty;

        throw new ApiErrorException(new ApiError(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
            "Content-Type must be application/x-www-form-urlencoded, multipart/form-data or application/json"));
    }

    private static async Task<RequestFields> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new ApiErrorException(ApiError.BadRequest("The request body is not valid JSON"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ApiErrorException(ApiError.BadRequest("The request body must be a JSON object"));

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    // Objects and arrays are never valid field values; keep them so validation names the field.
                    _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(property.Value.GetRawText())),
                };
            }

            return new RequestFields(values);
        }
    }

    /// <summary>A positive whole-number id; null when absent, an error when present but malformed.</summary>
    public long? PositiveLong(string name)
    {
        var text = this[name];
        if (text is null) return null;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ApiErrorException(ApiError.Validation(name, $"The {name.Replace('_', ' ')} must be a positive integer."));
    }

    /// <summary>Text no longer than <paramref name="maxLength"/>; an error otherwise.</summary>
    public string? Text(string name, int maxLength)
    {
        var text = this[name];
        if (text is not null && text.Length > maxLength)
            throw new ApiErrorException(ApiError.Validation(name, $"The {name.Replace('_', ' ')} must be at most {maxLength} characters."));
        return text;
    }
}
