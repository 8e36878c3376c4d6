using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.Http.Testing;

/// <summary>What a fake backend saw of a forwarded request.</summary>
public sealed record EchoedRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("authorization")] string? Authorization,
    [property: JsonPropertyName("traceparent")] string? TraceParent,
    [property: JsonPropertyName("correlationId")] string? CorrelationId,
    [property: JsonPropertyName("bodyLength")] long BodyLength);

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) standing in for one service: it answers every
/// request with what it received, and names itself in <c>X-Served-By</c> like the services do.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, string cluster, Uri address)
    {
        _app = app;
        Cluster = cluster;
        Address = address;
    }

    public string Cluster { get; }

    public Uri Address { get; }

    public static async Task<EchoBackend> StartAsync(string cluster)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        app.Run(async context =>
        {
            // Read the whole body so the byte count is what actually arrived.
            var buffer = new byte[16 * 1024];
            long bodyLength = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                bodyLength += read;
            }

            var headers = context.Request.Headers;
            context.Response.Headers["X-Served-By"] = cluster;
            await context.Response.WriteAsJsonAsync(new EchoedRequest(
                cluster,
                context.Request.Method,
                context.Request.Path.Value ?? string.Empty,
                context.Request.QueryString.Value ?? string.Empty,
                NullIfEmpty(headers.Authorization.ToString()),
                NullIfEmpty(headers["traceparent"].ToString()),
                NullIfEmpty(headers["X-Correlation-Id"].ToString()),
                bodyLength));
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EchoBackend(app, cluster, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
