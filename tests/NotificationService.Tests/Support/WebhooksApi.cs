using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Http.Testing;
using Payouts.Testing;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>The webhooks API as a client calls it.</summary>
public static class WebhooksApi
{
    public const string WebhooksPath = "/api/v1/webhooks/";

    public static string EndpointPath(string id) => $"{WebhooksPath}{id}/";

    public static string RotatePath(string id) => $"{WebhooksPath}{id}/rotate-secret/";

    public static string DeliveriesPath(string id) => $"{WebhooksPath}{id}/deliveries/";

    public static string RedeliverPath(string id, string deliveryId) => $"{WebhooksPath}{id}/deliveries/{deliveryId}/redeliver/";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    /// <summary>Registers an endpoint (201 asserted): its id and its secret.</summary>
    public static async Task<(string Id, string Secret)> RegisterAsync(this HttpClient client, string url, params string[] events)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, WebhooksPath, new { url, events });
        Assert.True(status == HttpStatusCode.Created, $"register {url}: {(int)status} {body}");
        return (body.GetProperty("webhook").GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    /// <summary>The endpoint's delivery log, newest first (200 asserted).</summary>
    public static async Task<JsonElement[]> DeliveriesAsync(this HttpClient client, string id)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Get, DeliveriesPath(id) + "?limit=100");
        Assert.True(status == HttpStatusCode.OK, $"deliveries of {id}: {(int)status} {body}");
        return [.. body.GetProperty("deliveries").EnumerateArray()];
    }

    /// <summary>The log once <paramref name="condition"/> holds of it.</summary>
    public static Task<JsonElement[]> WaitForDeliveriesAsync(this HttpClient client, string id, Func<JsonElement[], bool> condition, string what) =>
        Eventually.MatchAsync(() => client.DeliveriesAsync(id), condition, what);

    public static string Status(JsonElement delivery) => delivery.GetProperty("status").GetString()!;
}
