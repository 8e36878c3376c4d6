using Microsoft.Extensions.Configuration;

namespace Payouts.Gateway.Routing;

/// <summary>
/// Reads a service's addresses the way an Aspire AppHost hands them out:
/// <c>services:&lt;name&gt;:http:&lt;index&gt;</c> (env <c>services__payouts__http__0</c>), one address per entry.
/// </summary>
public static class ClusterDestinations
{
    /// <summary>Destination id → address. HTTPS entries are used only when the service has no HTTP one.</summary>
    public static IReadOnlyDictionary<string, string> Read(IConfiguration configuration, string serviceName)
    {
        var service = configuration.GetSection("services").GetSection(serviceName);
        var http = ReadScheme(service, "http");
        return http.Count > 0 ? http : ReadScheme(service, "https");
    }

    private static Dictionary<string, string> ReadScheme(IConfigurationSection service, string scheme)
    {
        var section = service.GetSection(scheme);
        var destinations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IsAbsoluteHttpUri(section.Value))
        {
            destinations[$"{service.Key}/{scheme}"] = section.Value!;
        }

        foreach (var entry in section.GetChildren())
        {
            if (IsAbsoluteHttpUri(entry.Value))
            {
                destinations[$"{service.Key}/{scheme}/{entry.Key}"] = entry.Value!;
            }
        }

        return destinations;
    }

    private static bool IsAbsoluteHttpUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
