using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Payouts.PayoutService.Tests.Support;

public static class HttpHelpers
{
    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostFormAsync(this HttpClient client, string path,
        params (string Key, string Value)[] fields)
    {
        var response = await client.PostAsync(new Uri(path, UriKind.Relative), Form(fields));
        return (response, await BodyAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PostJsonAsync(this HttpClient client, string path, object body,
        string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        return (response, await BodyAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> PutJsonAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return (response, await BodyAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonNode Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await BodyAsync(response));
    }

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonNode.Parse(text) ?? new JsonObject();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: not JSON: {text}");
        }
    }

    public static decimal Decimal(this JsonNode? node) => node!.GetValue<decimal>();

    public static string Str(this JsonNode? node) => node!.GetValue<string>();
}
