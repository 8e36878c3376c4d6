using System.Text.Json;
using Payouts.Testing;

namespace Payouts.SystemTests.Support;

/// <summary>
/// The provider sandbox asked directly, as a sandbox user would: what a beneficiary account received, and a transfer
/// by payment reference. The key is the sandbox's documented development key, which the AppHost configures.
/// </summary>
public sealed class SandboxClient : IDisposable
{
    public const string DevelopmentApiKey = "sandbox-dev-key";

    private readonly HttpClient _http;

    public SandboxClient(RunningPlatform platform)
    {
        _http = platform.CreateHttpClient("provider-sandbox");
        _http.DefaultRequestHeaders.Add("X-Api-Key", DevelopmentApiKey);
    }

    /// <summary>Every transfer sent to the bank account, newest first (<c>GET /sandbox/credits</c>).</summary>
    public Task<IReadOnlyList<JsonElement>> CreditsAsync(string accountNumber) =>
        ListAsync($"/sandbox/credits?accountNumber={Uri.EscapeDataString(accountNumber)}");

    /// <summary>
    /// The two micro-deposits the account received, as its holder reads them on a statement: the completed credits,
    /// in payment-reference order (<c>MD-…-1</c>, <c>MD-…-2</c>), once settlement has paid both.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> MicroDepositsAsync(string accountNumber, TimeSpan timeout) =>
        await Eventually.ValueAsync(async () =>
        {
            var credits = (await CreditsAsync(accountNumber)).Where(c => c.GetProperty("status").GetString() == "completed").ToList();
            return credits.Count >= 2 ? credits.OrderBy(c => c.GetProperty("paymentReference").GetString(), StringComparer.Ordinal).ToList() : null;
        }, $"the two micro-deposits to reach account ****{accountNumber[^4..]} at the sandbox", timeout);

    /// <summary>A deposit's amount as a user types it (two decimals).</summary>
    public static string Amount(JsonElement credit) => credit.GetProperty("amount").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

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
