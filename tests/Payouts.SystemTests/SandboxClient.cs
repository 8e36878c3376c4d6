using System.Text.Json;
using Payouts.AppHost.Platform;

namespace Payouts.SystemTests;

/// <summary>
/// The provider sandbox asked directly, as a sandbox user would: what a beneficiary account received, and a transfer
/// by payment reference. The key is the sandbox's documented development key, which the AppHost configures.
/// </summary>
public sealed class SandboxClient : IDisposable
{
    public const string DevelopmentApiKey = "sandbox-dev-key";

    private readonly HttpClient _http;

    public SandboxClient(PayoutsPlatform platform)
    {
        _http = platform.CreateHttpClient(PlatformTopology.ProviderSandbox);
        _http.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentApiKey);
    }

    /// <summary>Every transfer sent to the bank account, newest first (<c>GET /sandbox/credits</c>).</summary>
    public Task<IReadOnlyList<JsonElement>> CreditsAsync(string accountNumber) =>
        ListAsync($"/sandbox/credits?accountNumber={Uri.EscapeDataString(accountNumber)}");

    /// <summary>The transfer recorded for a payment reference, if any (<c>GET /transfers?paymentReference=</c>).</summary>
    public async Task<JsonElement?> TransferByReferenceAsync(string paymentReference)
    {
        var found = await ListAsync($"/transfers?paymentReference={Uri.EscapeDataString(paymentReference)}");
        return found.Count == 0 ? null : found.Single();
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {raw}");
        return [.. JsonDocument.Parse(raw).RootElement.GetProperty("data").EnumerateArray().Select(e => e.Clone())];
    }

    public void Dispose() => _http.Dispose();
}
