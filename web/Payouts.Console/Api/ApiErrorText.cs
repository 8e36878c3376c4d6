using System.Text;
using System.Text.Json;

namespace Payouts.Console.Api;

/// <summary>
/// The words of a refusal, from whichever family envelope the gateway answered with: <c>{error, message, field?}</c>,
/// <c>{success: false, error}</c>, <c>{success: false, message}</c> or <c>{status, message, data: {field: [messages]}}</c>.
/// </summary>
public static class ApiErrorText
{
    public static string From(int status, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && Describe(document.RootElement) is { Length: > 0 } text)
                return text;
        }
        catch (JsonException)
        {
        }
        return Fallback(status);
    }

    public static string Fallback(int status) => status switch
    {
        401 => "Your session has ended: sign in again.",
        403 => "You are not allowed to do that.",
        404 => "Not found.",
        429 or 503 => "The platform is busy: try again in a moment.",
        >= 500 => "The platform could not complete this request: try again.",
        _ => $"The request was refused ({status}).",
    };

    private static string Describe(JsonElement envelope)
    {
        var text = new StringBuilder(Text(envelope, "message") ?? Text(envelope, "error") ?? "");
        if (Text(envelope, "field") is { } field) text.Append($" ({field})");
        foreach (var fields in new[] { "data", "errors" })
        {
            if (!envelope.TryGetProperty(fields, out var details) || details.ValueKind != JsonValueKind.Object) continue;
            foreach (var detail in details.EnumerateObject())
            {
                var messages = detail.Value.ValueKind == JsonValueKind.Array
                    ? string.Join(" ", detail.Value.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()))
                    : detail.Value.ValueKind == JsonValueKind.String ? detail.Value.GetString() : null;
                if (!string.IsNullOrEmpty(messages)) text.Append(text.Length > 0 ? " " : "").Append($"{detail.Name}: {messages}");
            }
        }
        return text.ToString().Trim();
    }

    private static string? Text(JsonElement envelope, string name) =>
        envelope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
