using System.Globalization;
using Payouts.Hosting;

namespace Payouts.AppHost;

/// <summary>
/// <c>--webhook-allowed-private-targets host:port,…</c>: local or private webhook receivers NotificationService may call
/// (its <c>Notifications:Webhooks:AllowedPrivateTargets</c>, ARCHITECTURE §4). None by default, the safe default: every
/// loopback or private target is refused. Only <c>host:port</c> is accepted here, so an entry opens one port, never a
/// whole host.
/// </summary>
internal static class WebhookTargets
{
    public const string Key = "webhook-allowed-private-targets";

    /// <summary>The entries, lowercased as the service compares them; a malformed one stops the AppHost.</summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrWhiteSpace(text)) return [];
        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).Distinct(StringComparer.Ordinal)];
    }

    private static string Parse(string entry)
    {
        var colon = entry.LastIndexOf(':');
        var host = colon > 0 ? entry[..colon] : "";
        var port = colon > 0 ? entry[(colon + 1)..] : "";
        // An IPv6 host is written in brackets, as in a URL; without them its last ':' would be read as the port's.
        var bareHost = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        var hostKind = Uri.CheckHostName(bareHost);
        var validHost = hostKind is UriHostNameType.Dns or UriHostNameType.IPv4 || (hostKind == UriHostNameType.IPv6 && bareHost != host);
        var validPort = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535;
        // Written as the service compares it: the URL's IdnHost (an IPv6 address without its brackets) and port.
        return validHost && validPort
            ? $"{bareHost.ToLowerInvariant()}:{number.ToString(CultureInfo.InvariantCulture)}"
            : throw new HostingSetupException("apphost", $"--{Key} takes host:port entries separated by commas (e.g. 127.0.0.1:9000), not '{entry}'.");
    }

    /// <summary>The allowlist as NotificationService binds it (<c>Notifications__Webhooks__AllowedPrivateTargets__0</c> …).</summary>
    public static IResourceBuilder<ProjectResource> WithWebhookAllowedPrivateTargets(this IResourceBuilder<ProjectResource> notifications, PlatformSettings settings)
    {
        for (var i = 0; i < settings.WebhookAllowedPrivateTargets.Count; i++)
            notifications.WithEnvironment($"Notifications__Webhooks__AllowedPrivateTargets__{i.ToString(CultureInfo.InvariantCulture)}", settings.WebhookAllowedPrivateTargets[i]);
        return notifications;
    }
}
