using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>
/// The fields of a request body, read alike from <c>key=value</c> form bodies (seed 000) and JSON objects. A JSON
/// value that is an object or array where text is expected is a wrong type, reported per field.
/// </summary>
public sealed class RequestFields
{
    private readonly JsonObject _body;

    private RequestFields(JsonObject body) => _body = body;

    public JsonObject Body => _body;

    /// <summary>Reads the body, or returns the 400 for one that is neither form nor JSON, or malformed.</summary>
    public static async Task<(RequestFields? Fields, ApiError? Error)> ReadAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return (null, ApiError.BadRequest("The request body is not a valid form"));
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
                var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                return node is JsonObject json
                    ? (new RequestFields(json), null)
                    : (null, ApiError.BadRequest("The request body must be a JSON object"));
            }
            catch (JsonException)
            {
                return (null, ApiError.BadRequest("The request body is not valid JSON"));
            }
        }

        // No body at all reads as no fields, so the caller reports what is missing.
        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType) && !request.Headers.TransferEncoding.Any())
        {
            return (new RequestFields([]), null);
        }

        return (null, ApiError.BadRequest("The request body must be form-encoded (application/x-www-form-urlencoded) or JSON"));
    }

    /// <summary>Form keys like <c>customer_address[city]</c> become nested objects, as the JSON form of the same request.</summary>
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

    public bool Has(string field) => _body.ContainsKey(field) && _body[field] is not null;

    /// <summary>The field as trimmed text (numbers and booleans as written); null when absent, null or blank.</summary>
    public string? Text(string field, FieldErrors errors, int maxLength, bool required, string? label = null) =>
        TextOf(_body, field, errors, maxLength, required, label);

    public static string? TextOf(JsonObject body, string field, FieldErrors errors, int maxLength, bool required, string? label = null, string? errorKey = null)
    {
        errorKey ??= field;
        label ??= field.Replace('_', ' ');
        var node = body[field];
        string? text;
        switch (node)
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
}
