using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Payouts.Http.Testing;

public static class HttpExtensions
{
    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, string method, string path, string? token = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content }.WithBearer(token);
        return await client.SendAsync(request);
    }

    public static async Task<EchoedRequest> ReadEchoAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<EchoedRequest>()
        ?? throw new InvalidOperationException("The backend echoed nothing.");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? SingleHeader(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
