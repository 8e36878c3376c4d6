using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Http;

/// <summary>
/// The fields of a request body, read alike from <c>key=value</c> form bodies (seed 000) and JSON objects. Form keys
/// like <c>customer_address[city]</c> become nested objects, as the JSON form of the same request.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonObject _body;

    private RequestFields(JsonObject body) => _body = body;

    /// <summary>
    /// Reads the body; a malformed body is a 400, a body that is neither form nor JSON gets
    /// <paramref name="otherContentType"/> (each family keeps the answer its seed gives, see <see cref="RequestBodyErrors"/>).
    /// No body at all reads as no fields, so the caller reports what is missing.
    /// </summary>
    public static async Task<(RequestFields? Fields, ApiError? Error)> ReadAsync(HttpRequest request, ApiError otherContentType,
        CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                return (null, RequestBodyErrors.MalformedForm);
            }

            var body = new JsonObject();
            foreach (var (key, values) in form)
            {
                Place(body, key, values.Count > 0 ? values[^1] : null);
            }

            return (new RequestFields(body), null);
        }

        if (request.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? (new RequestFields((JsonObject)ToNode(document.RootElement)!), null)
                    : (null, RequestBodyErrors.NotAnObject);
            }
            catch (JsonException)
            {
                return (null, RequestBodyErrors.MalformedJson);
            }
        }

        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType) && request.Headers.TransferEncoding.Count == 0)
        {
            return (new RequestFields([]), null);
        }

        return (null, otherContentType);
    }

    /// <summary>
    /// The field as trimmed text (numbers and booleans as written); null when absent, null or blank. An object or array
    /// reads as an opaque text no rule accepts, so validation names the field.
    /// </summary>
    public string? this[string name]
    {
        get
        {
            var text = Raw(_body[name]);
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }
    }

    /// <summary>The names of the fields present, as sent (a body whose keys are data, e.g. preferences per type).</summary>
    public IEnumerable<string> Names => _body.Select(f => f.Key);

    /// <summary>The fields in a stable order, for idempotency fingerprints.</summary>
    public string Fingerprint() =>
        string.Join('&', _body.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={Raw(f.Value)}"));

    /// <summary>A positive whole number; null when absent or blank, false when present but not one.</summary>
    public bool TryPositiveLong(string name, out long? value)
    {
        value = null;
        var text = this[name];
        if (text is null) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0) return false;
        value = number;
        return true;
    }

    /// <summary>
    /// The field as trimmed text, checked: a wrong type, a missing required value or one over
    /// <paramref name="maxLength"/> is reported to <paramref name="errors"/> under <paramref name="errorKey"/> (the field's
    /// name unless given) and reads as null.
    /// </summary>
    public string? Text(string field, FieldErrors errors, int maxLength, bool required, string? label = null, string? errorKey = null)
    {
        errorKey ??= field;
        label ??= field.Replace('_', ' ');
        string? text;
        switch (_body[field])
        {
            case null:
                text = null;
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                text = value.GetValue<string>().Trim();
                break;
            case JsonValue value when value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                text = value.ToJsonString();
                break;
            default:
                errors.Add(errorKey, $"The {label} field must be a string.");
                return null;
        }

        if (string.IsNullOrEmpty(text))
        {
            if (required) errors.Add(errorKey, $"The {label} field is required.");
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(errorKey, $"The {label} field must not be greater than {maxLength} characters.");
            return null;
        }

        return text;
    }

    /// <summary>
    /// A list of texts: a JSON array of strings, or (as a form sends it) one comma-separated text; null when absent. An
    /// item that is not a string, or a list longer than <paramref name="maxItems"/>, is reported to <paramref name="errors"/>.
    /// </summary>
    public IReadOnlyList<string>? Texts(string field, FieldErrors errors, int maxItems)
    {
        List<string> items;
        switch (_body[field])
        {
            case null:
                return null;
            case JsonArray array when array.All(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String):
                items = [.. array.Select(item => item!.GetValue<string>().Trim())];
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                items = [.. value.GetValue<string>().Split(',', StringSplitOptions.TrimEntries)];
                break;
            default:
                errors.Add(field, $"The {field.Replace('_', ' ')} field must be a list of strings.");
                return null;
        }

        items = [.. items.Where(item => item.Length > 0).Distinct(StringComparer.Ordinal)];
        if (items.Count > maxItems)
        {
            errors.Add(field, $"The {field.Replace('_', ' ')} field must not have more than {maxItems} items.");
            return null;
        }

        return items;
    }

    public bool? Boolean(string field, FieldErrors errors)
    {
        var text = Text(field, errors, 5, required: false);
        switch (text)
        {
            case null: return null;
            case "true" or "1" or "True": return true;
            case "false" or "0" or "False": return false;
            default:
                errors.Add(field, $"The {field.Replace('_', ' ')} field must be true or false.");
                return null;
        }
    }

    public decimal? Decimal(string field, FieldErrors errors, bool required)
    {
        var text = Text(field, errors, 20, required);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"The {field.Replace('_', ' ')} field must be a number.");
        return null;
    }

    /// <summary>The field's nested object; null when absent. Present but not an object is reported to <paramref name="errors"/>.</summary>
    /// <summary>Whether the client sent <paramref name="field"/> as a JSON number (form bodies never do).</summary>
    public bool IsNumber(string field) => _body[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number;

    public RequestFields? Object(string field, FieldErrors errors)
    {
        switch (_body[field])
        {
            case null:
                return null;
            case JsonObject nested:
                return new RequestFields(nested);
            default:
                errors.Add(field, $"The {field.Replace('_', ' ')} field must be an object.");
                return null;
        }
    }

    private static void Place(JsonObject body, string key, string? value)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && key.EndsWith(']'))
        {
            var parent = key[..open];
            var child = key[(open + 1)..^1];
            if (body[parent] is not JsonObject nested)
            {
                body[parent] = nested = [];
            }

            nested[child] = value;
            return;
        }

        body[key] = value;
    }

    /// <summary>Built property by property so a repeated name keeps its last value (JsonNode.Parse throws on it).</summary>
    private static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var json = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    json[property.Name] = ToNode(property.Value);
                }

                return json;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(ToNode)]);
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>The value as sent: text and numbers as written, objects and arrays as base64 of their JSON (never a valid value).</summary>
    private static string? Raw(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => Convert.ToBase64String(Encoding.UTF8.GetBytes(node.ToJsonString())),
    };
}
