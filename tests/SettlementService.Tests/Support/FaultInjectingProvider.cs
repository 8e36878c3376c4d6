using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// A small HTTP server on loopback in front of the sandbox: it forwards every call, so the sandbox really records
/// what it is sent, and then, while <see cref="Mode"/> says so, answers the caller with a body that does not parse.
/// It also counts the transfer calls (<c>POST /transfers</c>) it holds at once, and can hold them back until enough
/// are waiting together (<see cref="HoldTransfersUntilWaiting"/>).
/// </summary>
public sealed class FaultInjectingProvider : IAsyncDisposable
{
    /// <summary>Cut off mid-object, as a proxy or a crashing provider might.</summary>
    public const string Garbage = """{"success": true, "data": {"_id": "674a1b2c""";

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Lock _transfers = new();
    private volatile GarbleMode _mode;
    private int _transfersAtOnce;
    private int _peakTransfersAtOnce;
    private int _holdUntilWaiting;
    private TaskCompletionSource _holdReleased = Released();

    private FaultInjectingProvider(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public enum GarbleMode
    {
        None,

        /// <summary>Only the answer to <c>POST /transfers</c> (the transfer is made; its answer is lost).</summary>
        TransferCreation,

        /// <summary>Every answer, lookups by payment reference included.</summary>
        Everything,
    }

    public GarbleMode Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The most transfer calls that were at this provider at the same moment.</summary>
    public int PeakTransfersAtOnce
    {
        get
        {
            lock (_transfers) return _peakTransfersAtOnce;
        }
    }

    /// <summary>
    /// Holds every transfer call until <paramref name="count"/> of them are waiting together, then lets those and every
    /// later one through: a caller that cannot have that many at once waits until its own timeout.
    /// </summary>
    public void HoldTransfersUntilWaiting(int count)
    {
        lock (_transfers)
        {
            _holdUntilWaiting = count;
            _holdReleased = _transfersAtOnce >= count ? Released() : new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public static async Task<FaultInjectingProvider> StartAsync(HttpMessageHandler upstreamHandler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var injector = new FaultInjectingProvider(app, new HttpClient(upstreamHandler) { BaseAddress = new Uri("http://sandbox/") });
        app.Run(injector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        injector.Address = new Uri(address);
        return injector;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    /// <summary>Forwards a call; a transfer call is counted while it is here, and held while <see cref="HoldTransfersUntilWaiting"/> says so.</summary>
    private async Task HandleAsync(HttpContext context)
    {
        if (!IsTransferCall(context.Request))
        {
            await ForwardAsync(context);
            return;
        }

        Task held;
        lock (_transfers)
        {
            _peakTransfersAtOnce = Math.Max(_peakTransfersAtOnce, ++_transfersAtOnce);
            if (_transfersAtOnce >= _holdUntilWaiting) _holdReleased.TrySetResult();
            held = _holdReleased.Task;
        }

        try
        {
            await held.WaitAsync(context.RequestAborted);
            await ForwardAsync(context);
        }
        finally
        {
            lock (_transfers) _transfersAtOnce--;
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var incoming = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(incoming.Method), incoming.Path.Value!.TrimStart('/') + incoming.QueryString);
        foreach (var (name, values) in incoming.Headers)
        {
            if (name.StartsWith("X-", StringComparison.OrdinalIgnoreCase)) forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }

        if (incoming.ContentLength > 0 || incoming.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await incoming.Body.CopyToAsync(body, context.RequestAborted);
            body.Position = 0;
            forward.Content = new StreamContent(body);
            forward.Content.Headers.TryAddWithoutValidation("Content-Type", incoming.ContentType);
        }

        using var answer = await _upstream.SendAsync(forward, context.RequestAborted);
        var garble = Mode switch
        {
            GarbleMode.Everything => true,
            GarbleMode.TransferCreation => IsTransferCall(incoming),
            _ => false,
        };

        context.Response.ContentType = "application/json";
        if (garble)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            await context.Response.WriteAsync(Garbage, context.RequestAborted);
            return;
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static bool IsTransferCall(HttpRequest request) => HttpMethods.IsPost(request.Method) && request.Path.StartsWithSegments("/transfers");

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource();
        released.SetResult();
        return released;
    }
}
