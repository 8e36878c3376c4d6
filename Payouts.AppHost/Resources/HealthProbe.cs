using System.Net.Sockets;

namespace Payouts.AppHost.Resources;

/// <summary>What one health check found.</summary>
public enum HealthStatus
{
    /// <summary>Nothing accepts connections on the port yet: the process is still starting.</summary>
    NotListening,
    Unhealthy,
    Healthy,
}

public sealed record HealthResult(HealthStatus Status, string Description);

/// <summary>Asks a project's <c>GET /health</c> (healthy = 200), as Aspire's WaitFor does for a project resource.</summary>
public static class HealthProbe
{
    // No proxy: everything is on loopback, and an http_proxy in the environment must not intercept the checks.
    private static readonly HttpClient Client = new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<HealthResult> CheckAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client.GetAsync(new Uri(endpoint, "/health"), cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new HealthResult(HealthStatus.Healthy, "GET /health answered 200");
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new HealthResult(HealthStatus.Unhealthy, $"GET /health answered {(int)response.StatusCode} {Shorten(body)}");
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return new HealthResult(HealthStatus.NotListening, $"nothing listens on {endpoint.Authority} yet");
        }
        catch (HttpRequestException e)
        {
            return new HealthResult(HealthStatus.Unhealthy, $"GET /health failed: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthResult(HealthStatus.Unhealthy, "GET /health timed out after 5 s");
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
