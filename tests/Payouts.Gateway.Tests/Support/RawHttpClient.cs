using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Payouts.Gateway.Tests.Support;

/// <summary>
/// Sends one HTTP/1.1 request over a plain socket, headers exactly as given. HttpClient in this
/// process would start its own span (the gateway's activity listeners are process-wide) and
/// rewrite <c>traceparent</c>; an external caller's trace context is what these tests need.
/// </summary>
public static class RawHttpClient
{
    public static async Task<(int StatusCode, EchoedRequest? Echo)> GetAsync(Uri baseAddress, string path, IReadOnlyDictionary<string, string> headers)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = tcp.GetStream();

        var request = new StringBuilder()
            .Append($"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append($"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        var statusCode = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        var body = response[bodyStart..];
        // The echo answers with Content-Length or one chunk; either way the JSON object is the body's braces.
        var json = body.IndexOf('{') is var start and >= 0 ? body[start..(body.LastIndexOf('}') + 1)] : null;
        return (statusCode, json is null ? null : JsonSerializer.Deserialize<EchoedRequest>(json));
    }
}
