using System.Net;
using System.Net.Sockets;
using Payouts.AppHost.Platform;
using Payouts.AppHost.Resources;

namespace Payouts.SystemTests;

/// <summary>A resource that cannot start makes the AppHost say which and why, and leave nothing running.</summary>
public sealed class StartFailureTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string _marker = MarkedProcesses.NewMarker();
    private readonly TcpListener _occupied = new(IPAddress.Loopback, 0);

    public StartFailureTests() => _occupied.Start();

    private int OccupiedPort => ((IPEndPoint)_occupied.LocalEndpoint).Port;

    [Fact]
    public async Task A_project_that_cannot_bind_its_port_fails_the_start_naming_it_and_everything_started_is_stopped()
    {
        var options = new PlatformOptions { DataDirectory = _dataDirectory, Ephemeral = true, GatewayPort = 0, MaxStartAttempts = 2 };
        options.Resources.Add("provider-sandbox");
        options.ExtraEnvironment["provider-sandbox"] = new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{OccupiedPort}",
            [MarkedProcesses.VariableName] = _marker,
        };

        var failure = await Assert.ThrowsAsync<ResourceStartException>(() => PayoutsPlatform.StartAsync(options));

        Assert.Equal("provider-sandbox-1", failure.Resource);
        Assert.Contains("before becoming healthy, 2 times", failure.Reason);
        Assert.Contains("address already in use", failure.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(MarkedProcesses.Find(_marker));
    }

    public void Dispose()
    {
        _occupied.Dispose();
        TempFolder.Delete(_dataDirectory);
    }
}
