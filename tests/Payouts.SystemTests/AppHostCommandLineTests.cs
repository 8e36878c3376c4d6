using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Payouts.SystemTests;

/// <summary>The AppHost executable: how it fails, how it stops.</summary>
public sealed class AppHostCommandLineTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string _marker = MarkedProcesses.NewMarker();

    [Fact]
    public async Task With_the_gateway_port_taken_it_exits_non_zero_naming_the_gateway_and_the_port_and_leaves_nothing_running()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        using var appHost = AppHostProcess.Start(_marker, "--gateway-port", port.ToString(), "--data-dir", _dataDirectory, "--ephemeral", "--no-color");
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("gateway", appHost.Error);
        Assert.Contains($"port {port}", appHost.Error);
        Assert.DoesNotContain("Payouts is ready", appHost.Output);
        Assert.Empty(MarkedProcesses.Find(_marker));
    }

    [Fact]
    public async Task On_SIGTERM_it_stops_everything_it_started_and_exits_0()
    {
        using var appHost = AppHostProcess.Start(_marker, "--gateway-port", "0", "--data-dir", _dataDirectory, "--ephemeral", "--no-color");
        await appHost.WaitUntilReadyAsync(StartTimeout);
        // The AppHost, postgres, epmd, beam, provider-sandbox, bank-accounts, payouts, batches, 2 × settlement, gateway …
        Assert.True(MarkedProcesses.Find(_marker).Count >= 10, string.Join("\n", MarkedProcesses.Find(_marker)));

        using (var kill = Process.Start("kill", ["-TERM", appHost.Id.ToString()]))
            await kill.WaitForExitAsync();
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exitCode);
        Assert.Contains("[apphost] stopped.", appHost.Output);
        Assert.Empty(MarkedProcesses.Find(_marker));
    }

    public void Dispose() => TempFolder.Delete(_dataDirectory);
}
