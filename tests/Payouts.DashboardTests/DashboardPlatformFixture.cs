using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.DashboardTests;

/// <summary>
/// The real AppHost with its dashboard on (the test builder turns it off by default), on free loopback ports; the
/// browser logs in with the token the AppHost gave the dashboard, and every service's telemetry goes to the dashboard.
/// </summary>
public sealed class DashboardPlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-dashboard-tests", Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The URL that logs a browser in, with its browser token: the dashboard resource's own URL.</summary>
    public string LoginUrl { get; private set; } = "";

    /// <summary>Where the dashboard listens (the test builder gives it a free port).</summary>
    public string DashboardUrl => new Uri(LoginUrl).GetLeftPart(UriPartial.Authority);

    /// <summary>The platform's resources as the dashboard names them (settlement runs as one replica here).</summary>
    public static readonly string[] Resources =
        ["postgres", "messaging", "provider-sandbox", "bank-accounts", "payouts", "batches", "settlement", "notifications", "mail", "gateway"];

    public LocalTokenIssuer Tokens => new(new AuthSettings(File.ReadAllText(Path.Combine(_dataDirectory, "dev-signing-key")).Trim()));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Payouts_AppHost>(
            [
                "--data-dir", _dataDirectory, "--gateway-port", "0", "--console-port", "0", "--ephemeral", "true", "--settlement-replicas", "1", "--start-timeout", "600",
            ],
            (options, _) => options.DisableDashboard = false,
            timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        // The dashboard resource also lists its OTLP endpoints (gRPC is HTTP/2 only); the browser's is the one named
        // "http", and Aspire publishes it as the login URL with the browser token.
        var dashboard = await _app.ResourceNotifications.WaitForResourceAsync(
            "aspire-dashboard", e => e.Snapshot.Urls.Any(IsFrontend), timeout.Token);
        LoginUrl = dashboard.Snapshot.Urls.First(IsFrontend).Url;
    }

    private static bool IsFrontend(UrlSnapshot url) => url.Name == "http" && !url.IsInternal;

    public HttpClient CreateGatewayClient() => App.CreateHttpClient("gateway");

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
