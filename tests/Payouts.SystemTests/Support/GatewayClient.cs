using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payouts.SystemTests.Support;

/// <summary>An answer from the platform: status, parsed body and the raw text for assertion messages.</summary>
public sealed record Reply(HttpStatusCode Status, JsonElement Body, string Raw)
{
    public bool IsOk => Status is HttpStatusCode.OK or HttpStatusCode.Created;
}

/// <summary>JSON calls through the platform's gateway with a bearer token, and bounded waiting for an eventual state.</summary>
public sealed class GatewayClient(RunningPlatform platform) : IDisposable
{
    private readonly HttpClient _http = CreateClient(platform);

    public Task<Reply> GetAsync(string path, AuthenticationHeaderValue token) => SendAsync(HttpMethod.Get, path, token);

    public Task<Reply> PostAsync(string path, AuthenticationHeaderValue token, object body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, token, body, idempotencyKey);

    public async Task<Reply> SendAsync(HttpMethod method, string path, AuthenticationHeaderValue token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = token;
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await _http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, Parse(raw), raw);
    }

    // A proxy error page is not JSON; keep it as a string so the assertion message shows it.
    private static JsonElement Parse(string raw)
    {
        try
        {
            return raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(raw);
        }
    }

    private static HttpClient CreateClient(RunningPlatform platform)
    {
        var client = platform.CreateHttpClient("gateway");
        client.Timeout = TimeSpan.FromSeconds(60);
        return client;
    }

    public void Dispose() => _http.Dispose();
}
