using System.Text.Json;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BatchService.Endpoints;

/// <summary>Seed 001's request bodies: one JSON object, at most <see cref="MaxBytes"/>; anything else is a 400 in the bulk envelope.</summary>
public static class JsonBody
{
    /// <summary>A hundred payees with 200-character memos take about 40 KB; the gateway's own cap (1 MiB) answers 413 before this.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body's root object; no body at all reads as an empty object, so the caller names the missing fields.</summary>
    public static async Task<(JsonElement Body, ApiError? Error)> ReadObjectAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is null or 0 && string.IsNullOrEmpty(request.ContentType) && request.Headers.TransferEncoding.Count == 0)
            return (EmptyObject(), null);
        if (!request.HasJsonContentType()) return (default, RequestBodyErrors.NotJson);
        if (request.ContentLength > MaxBytes) return (default, RequestBodyErrors.TooLarge(MaxBytes));

        // Read to the cap and no further, whatever the declared length says.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (default, RequestBodyErrors.TooLarge(MaxBytes));
            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, RequestBodyErrors.NotAnObject);
        }
        catch (JsonException)
        {
            return (default, RequestBodyErrors.MalformedJson);
        }
    }

    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public static JsonElement? Field(this JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
