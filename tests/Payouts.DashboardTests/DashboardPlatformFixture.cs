using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Payouts.Hosting;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.DashboardTests;

/// <summary>
/// The real AppHost with its dashboard on (the test builder turns it off by default), on free loopback ports, with a
/// browser token of the test's own so it can log in; telemetry from every service goes to the dashboard's OTLP endpoint.
/// </summary>
public sealed class DashboardPlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-dashboard-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string _browserToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    private readonly int _dashboardPort = FreePort.Next();
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    public string LoginUrl => $"{DashboardUrl}/login?t={_browserToken}";

    public string DashboardUrl => $"http://127.0.0.1:{_dashboardPort}";

    /// <summary>The platform's resources as the dashboard names them (settlement runs as one replica here).</summary>
    public static readonly string[] Resources =
        ["postgres", "messaging", "provider-sandbox", "bank-accounts", "payouts", "batches", "settlement", "gateway"];

    public LocalTokenIssuer Tokens => new(new AuthSettings(File.ReadAllText(Path.Combine(_dataDirectory, "dev-signing-key")).Trim()));

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Payouts_AppHost>(
            [
                "--data-dir", _dataDirectory, "--gateway-port", "0", "--ephemeral", "true", "--settlement-replicas", "1",
                $"--ASPNETCORE_URLS={DashboardUrl}",
                $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:{FreePort.Next()}",
                "--ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
                $"--AppHost:BrowserToken={_browserToken}",
            ],
            (options, _) => options.DisableDashboard = false,
            timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        foreach (var resource in Resources)
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

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
