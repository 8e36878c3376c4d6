using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.Http.Testing;

/// <summary>
/// A real webhook receiver: Kestrel on 127.0.0.1 (a port of its own), answering each POST as <see cref="Answer"/> says
/// and keeping what it was sent. <see cref="Url"/> is the endpoint to register.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>How the receiver answers a request (the default: 200).</summary>
    public Func<HttpContext, Task> Answer { get; set; } = _ => Task.CompletedTask;

    public string Url { get; private set; } = "";

    public string BaseUrl { get; private set; } = "";

    /// <summary>Another endpoint URL on this receiver (a fresh path): one receiver can serve several owners, each reading <see cref="ReceivedAt"/>.</summary>
    public string NewUrl() => BaseUrl + "/hooks/" + Guid.NewGuid().ToString("N");

    /// <summary>What arrived at one URL's path.</summary>
    public IReadOnlyList<ReceivedWebhook> ReceivedAt(string url) => [.. _received.Where(r => r.Path == new Uri(url).AbsolutePath)];

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Requests it answered 2xx: what the service counts as delivered.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Status is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Map("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = receiver.NewUrl();
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var receivedAt = DateTimeOffset.UtcNow;
        try
        {
            await Answer(context);
        }
        finally
        {
            _received.Enqueue(new ReceivedWebhook(context.Request.Path, context.Request.Headers["Payouts-Signature"].ToString(),
                context.Request.Headers["Payouts-Event-Id"].ToString(), context.Request.Headers["Payouts-Event-Type"].ToString(), body,
                context.Response.StatusCode, receivedAt, DateTimeOffset.UtcNow));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the receiver got it, and the status it answered.</summary>
public sealed record ReceivedWebhook(
    string Path, string Signature, string EventId, string EventType, string Body, int Status, DateTimeOffset ReceivedAt, DateTimeOffset AnsweredAt);
