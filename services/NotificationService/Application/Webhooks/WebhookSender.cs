using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Payouts.NotificationService.Application.Webhooks;

/// <summary>
/// Makes one delivery attempt: a signed POST, the whole attempt within the configured timeout, redirects not followed
/// (a 3xx is a failure), and at most <see cref="WebhookOptions.MaxResponseBytes"/> of the answer read. Its own
/// handler, not the factory's: the platform's standard resilience handler would retry and follow its own timeouts,
/// where the dispatcher owns both. Every connection checks the target's addresses again (DNS may have changed since
/// registration).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookUrlPolicy policy)
    {
        _options = options.Value;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task<AttemptResult> SendAsync(string url, Guid eventId, string eventType, string payload, IReadOnlyList<string> secrets, long timestamp,
        CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.HeaderValue(timestamp, payload, secrets));
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, eventId.ToString());
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventTypeHeader, eventType);
        request.Headers.UserAgent.ParseAdd("Payouts-Webhooks/1.0");
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            var answer = await ReadBoundedAsync(response, timeout.Token);
            if (status is >= 200 and < 300) return new AttemptResult(true, status, null);
            if (status is >= 300 and < 400)
            {
                return new AttemptResult(false, status, $"HTTP {status}: redirects are not followed (Location: {response.Headers.Location})");
            }

            return new AttemptResult(false, status, $"HTTP {status}" + (answer.Length > 0 ? $": {answer}" : ""));
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return new AttemptResult(false, null, $"Timed out after {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(false, null, e.InnerException is { } inner and not SocketException ? inner.Message : e.Message);
        }
    }

    /// <summary>The first bytes of the answer as text; the rest is never read (the connection is dropped with the response).</summary>
    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[_options.MaxResponseBytes];
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await body.ReadAsync(buffer.AsMemory(read), ct);
            if (n == 0) break;
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > 500 ? text[..500] + "…" : text;
    }

    private static async ValueTask<Stream> ConnectAsync(WebhookUrlPolicy policy, DnsEndPoint target, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(target.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, ct);
        if (!policy.IsAllowlisted(target.Host, target.Port) && (addresses.Length == 0 || addresses.Any(WebhookUrlPolicy.IsPrivate)))
        {
            throw new HttpRequestException($"Refused: {target.Host} resolves to a loopback, private, link-local or unspecified address");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, target.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>How one attempt went: a 2xx, or why not (status when the receiver answered).</summary>
public sealed record AttemptResult(bool Succeeded, int? StatusCode, string? Error);
