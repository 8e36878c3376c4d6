using System.Globalization;
using Xunit.Abstractions;

namespace Payouts.SystemTests;

/// <summary>
/// A resource that cannot start makes the AppHost say which and why, exit non-zero, and leave nothing running: a
/// malformed or unreachable PostgreSQL, an unreachable RabbitMQ.
/// </summary>
public sealed class StartFailureTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>How long the AppHost waits for health here (the smallest it accepts is 10 s; a local server's start needs more).</summary>
    private const int StartTimeoutSeconds = 30;

    private readonly string _dataDirectory = PlatformFixture.NewDataDirectory();
    private readonly string _marker = MarkedProcesses.NewMarker();

    [Fact]
    public async Task A_malformed_postgres_connection_string_stops_it_before_anything_starts_naming_postgres()
    {
        using var appHost = AppHostProcess.Start(_marker,
            "--data-dir", _dataDirectory, "--gateway-port", "0", "--console-port", "0", "--postgres", "Host=127.0.0.1;Colour=blue");
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, exitCode);
        Assert.Contains("[apphost] error: postgres: the PostgreSQL connection string is not valid", appHost.Error);
        Assert.Contains("colour", appHost.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Payouts is ready", appHost.Output);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_unreachable_postgres_fails_the_start_naming_postgres_and_its_address_and_everything_started_is_stopped()
    {
        var port = Payouts.Hosting.FreePort.Next(); // nothing listens there
        var (exitCode, error, standardOutput) = await RunUntilItGivesUpAsync("--postgres", $"Host=127.0.0.1;Port={port};Username=postgres;Password=none;Timeout=2");

        Assert.Equal(1, exitCode);
        Assert.Contains($"[apphost] error: not healthy within {StartTimeoutSeconds} s", error);
        Assert.Matches($"postgres: is Running, postgres_check: .*127\\.0\\.0\\.1:{port}", error);
        Assert.DoesNotContain("Payouts is ready", standardOutput);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_unreachable_broker_fails_the_start_naming_messaging_and_why_and_everything_started_is_stopped()
    {
        var port = Payouts.Hosting.FreePort.Next(); // nothing listens there
        var (exitCode, error, standardOutput) = await RunUntilItGivesUpAsync("--rabbitmq", $"amqp://guest:guest@127.0.0.1:{port}/");

        Assert.Equal(1, exitCode);
        Assert.Contains($"[apphost] error: not healthy within {StartTimeoutSeconds} s", error);
        Assert.Matches("messaging: is Running, messaging_check: .*reachable", error);
        Assert.DoesNotContain("Payouts is ready", standardOutput);
        Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(_marker, TimeSpan.FromSeconds(30)));
    }

    private async Task<(int ExitCode, string Error, string Output)> RunUntilItGivesUpAsync(params string[] server)
    {
        using var appHost = AppHostProcess.Start(_marker,
            ["--data-dir", _dataDirectory, "--gateway-port", "0", "--console-port", "0", "--ephemeral", "true",
             "--start-timeout", StartTimeoutSeconds.ToString(CultureInfo.InvariantCulture), .. server]);
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"exit code {exitCode}; standard error:{Environment.NewLine}{appHost.Error}");
        return (exitCode, appHost.Error, appHost.Output);
    }

    public void Dispose()
    {
        MarkedProcesses.Kill(_marker);
        TempFolder.Delete(_dataDirectory);
    }
}
