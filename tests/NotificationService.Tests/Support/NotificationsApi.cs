using System.Net;
using System.Text.Json;
using Payouts.Http.Testing;
using Payouts.Testing;

namespace Payouts.NotificationService.Tests.Support;

/// <summary>The in-app API as a client calls it.</summary>
public static class NotificationsApi
{
    public const string ListPath = "/api/v1/notifications/";

    public static string ReadPath(string id) => $"/api/v1/notifications/{id}/read/";

    public const string ReadAllPath = "/api/v1/notifications/read-all/";

    /// <summary>One page of the caller's list (200 asserted).</summary>
    public static async Task<JsonElement> ListAsync(this HttpClient client, string query = "")
    {
        using var response = await client.GetAsync(new Uri(ListPath + query, UriKind.Relative));
        var body = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{ListPath}{query}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The caller's list once it holds at least <paramref name="count"/> notifications (events are consumed on the service's time).</summary>
    public static Task<JsonElement> WaitForListAsync(this HttpClient client, int count, string query = "?limit=100") =>
        Eventually.MatchAsync(() => client.ListAsync(query), list => Total(list) >= count, $"{count} notification(s)");

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string path)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content: null);
        return (response.StatusCode, await response.ReadJsonAsync());
    }

    public static int Total(JsonElement list) => list.GetProperty("pagination").GetProperty("total").GetInt32();

    public static int Unread(JsonElement body) => body.GetProperty("unread_count").GetInt32();

    public static JsonElement[] Items(JsonElement list) => [.. list.GetProperty("notifications").EnumerateArray()];

    public static string[] Types(JsonElement list) => [.. Items(list).Select(n => n.GetProperty("type").GetString()!)];

    public static JsonElement OfType(JsonElement list, string type) => Assert.Single(Items(list), n => n.GetProperty("type").GetString() == type);
}
