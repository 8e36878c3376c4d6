using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>A response's status and parsed JSON body.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string Raw)
{
    public string? Text(string property) => Body.GetProperty(property).GetString();

    public override string ToString() => $"{(int)Status} {Raw}";
}

public static class ApiCall
{
    public static Task<ApiResponse> PostForm(this HttpClient client, string path, params (string Key, string Value)[] fields) =>
        Call(client, new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))),
        });

    public static Task<ApiResponse> PostJson(this HttpClient client, string path, object body) =>
        Call(client, new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public static Task<ApiResponse> PutJson(this HttpClient client, string path, object body) =>
        Call(client, new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) });

    public static Task<ApiResponse> Get(this HttpClient client, string path) => Call(client, new HttpRequestMessage(HttpMethod.Get, path));

    public static Task<ApiResponse> Delete(this HttpClient client, string path) => Call(client, new HttpRequestMessage(HttpMethod.Delete, path));

    public static async Task<ApiResponse> Call(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            var raw = await response.Content.ReadAsStringAsync();
            var body = raw.Length == 0 ? default : JsonDocument.Parse(raw).RootElement.Clone();
            return new ApiResponse(response.StatusCode, body, raw);
        }
    }
}
