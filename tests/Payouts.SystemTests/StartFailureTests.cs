using System.Diagnostics;
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
    public async Task The_AppHost_exits_non_zero_naming_the_gateway_and_its_port_when_the_port_is_taken()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { AppHostAssembly(), "--gateway-port", OccupiedPort.ToString(), "--data-dir", _dataDirectory, "--ephemeral", "--no-color" })
            info.ArgumentList.Add(arg);
        info.Environment[MarkedProcesses.VariableName] = _marker;

        using var appHost = Process.Start(info)!;
        var output = appHost.StandardOutput.ReadToEndAsync();
        var error = appHost.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await appHost.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, appHost.ExitCode);
        var message = await error;
        Assert.Contains("gateway", message);
        Assert.Contains($"port {OccupiedPort}", message);
        Assert.DoesNotContain("Payouts is ready", await output);
        Assert.Empty(MarkedProcesses.Find(_marker));
    }

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

    /// <summary>The AppHost's own build output (the test's copy of the dll has no runtimeconfig to run it with).</summary>
    private static string AppHostAssembly()
    {
        var beside = typeof(PayoutsPlatform).Assembly.Location;
        if (File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json"))) return beside;
        var built = BuiltAppHost();
        Assert.True(File.Exists(built), $"the AppHost was not built at {built}");
        return built;
    }

    private static string BuiltAppHost()
    {
        var root = Payouts.AppHost.Hosting.RepositoryRoot.Find();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/<configuration>/net10.0/
        return Path.Combine(root, "Payouts.AppHost", "bin", configuration, "net10.0", "Payouts.AppHost.dll");
    }

    public void Dispose()
    {
        _occupied.Dispose();
        TempFolder.Delete(_dataDirectory);
    }
}
