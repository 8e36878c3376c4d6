using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Payouts.SystemTests;

/// <summary>The built AppHost as a user runs it: how it refuses a taken gateway port or a malformed setting, how it stops on SIGTERM.</summary>
public sealed class AppHostCommandLineTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = PlatformFixture.StartTimeout;

    private readonly string _dataDirectory = PlatformFixture.NewDataDirectory();
    private readonly string _marker = MarkedProcesses.NewMarker();

    [Fact]
    public async Task With_the_gateway_port_taken_it_exits_non_zero_naming_the_gateway_and_the_port_and_leaves_nothing_running()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        using var appHost = AppHostProcess.Start(_marker, "--gateway-port", port.ToString(), "--console-port", "0", "--data-dir", _dataDirectory, "--ephemeral", "true");
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("[apphost] error: gateway", appHost.Error);
        Assert.Contains($"port {port}", appHost.Error);
        Assert.DoesNotContain("Payouts is ready", appHost.Output);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_auth_authority_that_is_not_an_http_url_stops_it_before_anything_starts()
    {
        using var appHost = AppHostProcess.Start(_marker, "--auth-authority", "login.example.com", "--gateway-port", "0", "--console-port", "0", "--data-dir", _dataDirectory);
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--auth-authority must be the issuer's absolute http(s) URL, not 'login.example.com'", appHost.Error);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_webhook_allowed_private_target_that_is_not_host_and_port_stops_it_before_anything_starts()
    {
        using var appHost = AppHostProcess.Start(_marker, "--webhook-allowed-private-targets", "127.0.0.1:9000,127.0.0.1",
            "--gateway-port", "0", "--console-port", "0", "--data-dir", _dataDirectory);
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--webhook-allowed-private-targets takes host:port entries separated by commas (e.g. 127.0.0.1:9000), not '127.0.0.1'", appHost.Error);
        Assert.DoesNotContain("Payouts is ready", appHost.Output);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task On_SIGTERM_it_stops_everything_it_started_and_exits_0()
    {
        using var appHost = AppHostProcess.Start(_marker,
            "--gateway-port", "0", "--console-port", "0", "--data-dir", _dataDirectory, "--ephemeral", "true", "--start-timeout", ((int)StartTimeout.TotalSeconds).ToString());
        await appHost.WaitUntilReadyAsync(StartTimeout);
        Assert.Matches(@"Payouts is ready in [0-9.]+ s: gateway http://127\.0\.0\.1:[0-9]+ · console http://127\.0\.0\.1:[0-9]+ · dashboard http://127\.0\.0\.1:[0-9]+/login\?t=[0-9a-f]+", appHost.Output);
        // dcp, postgres (and its backends), epmd, beam.smp, provider-sandbox, bank-accounts, payouts, batches, 2 × settlement, gateway …
        var running = MarkedProcesses.Find(_marker);
        Assert.True(running.Count >= 10, string.Join("\n", running));
        foreach (var program in new[] { "dcp", "postgres", "beam.smp", "epmd" })
            Assert.Contains(running, p => p.Contains(program, StringComparison.Ordinal));

        using (var kill = Process.Start("kill", ["-TERM", appHost.Id.ToString()]))
            await kill.WaitForExitAsync();
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{appHost.Error}");
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        MarkedProcesses.Kill(_marker);
        TempFolder.Delete(_dataDirectory);
    }
}
