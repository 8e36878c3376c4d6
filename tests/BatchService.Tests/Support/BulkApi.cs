using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Payouts.BatchService.Tests.Support;

/// <summary>An answer of the bulk API: status, the body as sent (for number and timestamp formats) and parsed, and its <c>Retry-After</c>.</summary>
public sealed record BulkResponse(HttpStatusCode Status, string Raw, JsonNode Body, TimeSpan? RetryAfter = null)
{
    public JsonNode this[string name] => Body[name] ?? throw new Xunit.Sdk.XunitException($"no '{name}' in {Raw}");

    /// <summary>Asserts seed 001's error envelope, exactly <c>{"error": "..."}</c>, with <paramref name="status"/>, and returns its text.</summary>
    public string Error(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Raw}");
        Assert.Equal(["error"], Body.AsObject().Select(p => p.Key));
        return Body["error"]!.GetValue<string>();
    }

    /// <summary>Asserts a refused second factor, exactly <c>{"success": false, "message": "..."}</c>, with <paramref name="status"/>; returns its text.</summary>
    public string Refusal(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status}, got {(int)Status}: {Raw}");
        Assert.Equal(["success", "message"], Body.AsObject().Select(p => p.Key));
        Assert.False(Body["success"]!.GetValue<bool>());
        return Body["message"]!.GetValue<string>();
    }

    public void IsOk() => Assert.True(Status == HttpStatusCode.OK, $"expected 200, got {(int)Status}: {Raw}");

    public override string ToString() => $"{(int)Status} {Raw}";
}

/// <summary>Seed 001's calls and payees as the tests send them.</summary>
public static class BulkApi
{
    public static Task<BulkResponse> BulkPostAsync(this HttpClient client, string path, object body) =>
        client.SendBulkAsync(HttpMethod.Post, path, JsonContent.Create(body));

    public static Task<BulkResponse> PostRawAsync(this HttpClient client, string path, string body, string contentType = "application/json") =>
        client.SendBulkAsync(HttpMethod.Post, path, new StringContent(body, Encoding.UTF8, contentType));

    public static Task<BulkResponse> BulkGetAsync(this HttpClient client, string path) => client.SendBulkAsync(HttpMethod.Get, path, null);

    public static Task<BulkResponse> CreateAsync(this HttpClient client, string reference, IEnumerable<object> payees) =>
        client.BulkPostAsync("/v1/payouts/batch", new { payment_reference = reference, payees });

    /// <summary>Creates a batch that must be accepted; returns its id.</summary>
    public static async Task<Guid> CreateBatchAsync(this HttpClient client, IEnumerable<object> payees, string? reference = null)
    {
        var created = await client.CreateAsync(reference ?? NewReference(), payees);
        created.IsOk();
        return Guid.Parse(created["batch"]["id"]!.GetValue<string>());
    }

    public static Task<BulkResponse> AddRecipientsAsync(this HttpClient client, Guid batchId, IEnumerable<object> payees) =>
        client.BulkPostAsync($"/v1/payouts/batches/{batchId}/recipients", new { payees });

    public static string NewReference() => $"PAY-{Guid.NewGuid():N}"[..30];

    public static object Payee(string email, decimal amount, string? memo = null) => new { email, amount, memo, status = "pending" };

    /// <summary><paramref name="count"/> valid payees of <paramref name="amount"/> each, with addresses unique to the call.</summary>
    public static IReadOnlyList<object> Payees(int count, decimal amount = 10m)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return [.. Enumerable.Range(1, count).Select(i => Payee($"payee{i}-{run}@example.com", amount, $"Payment {i}"))];
    }

    /// <summary>Seed 001's create request, as its document shows it.</summary>
    public static object[] SeedPayees =>
    [
        new { email = "recipient1@example.com", amount = 100.50m, memo = "Payment for services", status = "pending" },
        new { email = "recipient2@example.com", amount = 250.00m, memo = "Monthly bonus", status = "pending" },
        new { email = "invalid@email", amount = 50.00m, memo = "Refund", status = "cancelled" },
    ];

    private static async Task<BulkResponse> SendBulkAsync(this HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode body;
        try
        {
            body = JsonNode.Parse(raw) ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: not JSON: {raw}");
        }

        return new BulkResponse(response.StatusCode, raw, body, response.Headers.RetryAfter?.Delta);
    }
}
