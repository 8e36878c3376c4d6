using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.Bench;

/// <summary>
/// A webhook receiver as an app runs one: Kestrel on 127.0.0.1 (a port of its own), answering 200, or 503 while
/// <see cref="Refusing"/>; it notes when each request arrived, its event id and the payout it names.
/// </summary>
public sealed class BenchWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private volatile bool _refusing;

    private BenchWebhookReceiver(WebApplication app) => _app = app;

    /// <summary>One request: when it arrived (before its body was read), what it carried, what it was answered.</summary>
    public sealed record Arrival(DateTimeOffset At, string EventId, Guid PayoutId, int Status);

    /// <summary><c>host:port</c>, as the AppHost's <c>--webhook-allowed-private-targets</c> takes it.</summary>
    public string Authority { get; private set; } = "";

    public string Url => $"http://{Authority}/hooks";

    /// <summary>While true every delivery is answered 503 (a receiver that is down), so deliveries wait to be retried.</summary>
    public bool Refusing { get => _refusing; set => _refusing = value; }

    public IReadOnlyList<Arrival> Arrivals => [.. _arrivals];

    public static async Task<BenchWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new BenchWebhookReceiver(app);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Authority = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Authority;
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var status = _refusing ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        _arrivals.Enqueue(new Arrival(at, context.Request.Headers["Payouts-Event-Id"].ToString(),
            Guid.Parse(body.RootElement.GetProperty("data").GetProperty("id").GetString()!), status));
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
