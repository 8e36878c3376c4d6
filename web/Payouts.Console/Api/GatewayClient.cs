using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Payouts.Console.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.Console.Api;

/// <summary>
/// The console's only way to the platform: the public API through the gateway, with the signed-in user's token. A call
/// answers with the body or the refusal in words; an ended session sends the browser to sign in again.
/// </summary>
public sealed class GatewayClient(HttpClient http, AuthenticationStateProvider authentication, NavigationManager navigation, ILogger<GatewayClient> logger)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, JsonSerializerOptions json, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, json, idempotencyKey: null, ct);

    /// <summary>
    /// A POST with a JSON body. Money-moving actions pass an idempotency key made once per action, so a repeated click
    /// or a retried request is applied once.
    /// </summary>
    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, JsonSerializerOptions json, string? idempotencyKey = null, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, json, idempotencyKey, ct);

    /// <summary>
    /// A PUT with a JSON body: it sets a whole resource, so sending it again leaves the same state. Like a POST it is sent
    /// once (no retries) and answers with the body or the refusal in words.
    /// </summary>
    public Task<ApiResult<T>> PutAsync<T>(string path, object body, JsonSerializerOptions json, CancellationToken ct = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, json, idempotencyKey: null, ct);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, JsonSerializerOptions json, string? idempotencyKey, CancellationToken ct)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (ConsoleUser.AccessToken(state.User) is not { } token) return SessionEnded<T>();

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add(IdempotencyKeyHeader.Name, idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: json);

        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.Unauthorized) return SessionEnded<T>();
            if (!response.IsSuccessStatusCode)
                return ApiResult<T>.Refused((int)response.StatusCode, ApiErrorText.From((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
            var value = await response.Content.ReadFromJsonAsync<T>(json, ct);
            return value is null
                ? ApiResult<T>.Refused((int)response.StatusCode, "The platform answered with an empty body.")
                : new ApiResult<T>(value, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Method} {Path} failed: {Error}", method, path, e.Message);
            return ApiResult<T>.Refused(0, "The platform could not be reached: try again.");
        }
    }

    /// <summary>Back to sign-in, returning here afterwards.</summary>
    private ApiResult<T> SessionEnded<T>()
    {
        navigation.NavigateToSignIn();
        return ApiResult<T>.Refused(401, ApiErrorText.Fallback(401));
    }
}
