using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Bench;

/// <summary>Setting up a benchmark's users and data through the gateway: tokens, and calls that must succeed.</summary>
internal static class BenchSetup
{
    public static AuthenticationHeaderValue Bearer(LocalTokenIssuer issuer, string subject, string role, string? companyId = null) =>
        new("Bearer", issuer.Issue(new AuthTokenRequest(subject, [role], companyId)));

    private const int UnavailableAttempts = 5;

    /// <summary>POSTs (or sends with <paramref name="method"/>) a JSON body; a 503 is tried again a few times, any other non-success answer stops the benchmark.</summary>
    public static async Task<JsonElement> SendOkAsync(HttpClient gateway, AuthenticationHeaderValue token, string path, object body, HttpMethod? method = null)
    {
        method ??= HttpMethod.Post;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = token;
            using var response = await gateway.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode) return JsonDocument.Parse(raw).RootElement.Clone();
            // A 503 changed nothing and asks to try again (a loaded machine's wallet check can time out).
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == UnavailableAttempts)
                throw new InvalidOperationException($"Setting up the benchmark failed: {method} {path} → {(int)response.StatusCode} {raw}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>GETs a JSON answer; any non-success answer stops the benchmark.</summary>
    public static async Task<JsonElement> GetOkAsync(HttpClient gateway, AuthenticationHeaderValue token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = token;
        using var response = await gateway.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The benchmark failed: GET {path} → {(int)response.StatusCode} {raw}");
        return JsonDocument.Parse(raw).RootElement.Clone();
    }
}
