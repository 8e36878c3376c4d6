using System.Net;

namespace Payouts.Testing;

/// <summary>Waits for an in-process service's <c>/health</c> (database and bus): its bus connects in the background.</summary>
public static class ServiceHealth
{
    public static Task WaitAsync(HttpClient client, string service) =>
        Eventually.MatchAsync(async () =>
        {
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return health.StatusCode;
        }, status => status == HttpStatusCode.OK, $"{service} to become healthy", TimeSpan.FromSeconds(60));
}
