using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// Which URLs a webhook may target: absolute https (http only in Development or for an allowlisted target), no
/// credentials, and a host whose addresses are all public, unless its <c>host:port</c> is allowlisted. Checked at
/// registration and again for every connection (<see cref="WebhookSender"/>), since DNS can change in between.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options, IHostEnvironment environment)
{
    public const int MaxUrlLength = 2048;

    /// <summary>The URL's problem in words, or null when it may be registered.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken ct)
    {
        if (url.Length > MaxUrlLength) return $"The url must not be longer than {MaxUrlLength} characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return "The url must be an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo)) return "The url must not carry credentials.";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "The url must not have a fragment.";
        var allowlisted = IsAllowlisted(uri.IdnHost, uri.Port);
        if (uri.Scheme == "http" && !allowlisted && !environment.IsDevelopment()) return "The url must use https.";
        if (allowlisted) return null;

        IPAddress[] addresses;
        // A resolver that does not answer must not hold the request: the same bound as a delivery attempt.
        using var lookup = CancellationTokenSource.CreateLinkedTokenSource(ct);
        lookup.CancelAfter(options.Value.Timeout);
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, lookup.Token);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return $"The url's host {uri.Host} could not be resolved.";
        }

        if (addresses.Length == 0) return $"The url's host {uri.Host} could not be resolved.";
        return addresses.Any(IsPrivate) ? "The url must not target a loopback, private, link-local or unspecified address." : null;
    }

    public bool IsAllowlisted(string host, int port) => options.Value.AllowedPrivateTargets.Any(entry =>
        string.Equals(entry, host, StringComparison.OrdinalIgnoreCase) || string.Equals(entry, $"{host}:{port}", StringComparison.OrdinalIgnoreCase));

    /// <summary>Loopback, RFC 1918, carrier-grade NAT, link-local, unique-local (fc00::/7), unspecified or multicast.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224;
        }

        var bytes = address.GetAddressBytes();
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (bytes[0] & 0xFE) == 0xFC;
    }
}
