namespace Payouts.SystemTests;

/// <summary>A test run's platform leaves nothing behind: disposing the application stops every process it started.</summary>
public sealed class PlatformShutdownTests
{
    [Fact]
    public async Task After_dispose_none_of_the_processes_the_platform_started_or_their_descendants_is_running()
    {
        var dataDirectory = PlatformFixture.NewDataDirectory();
        var marker = MarkedProcesses.NewMarker();
        try
        {
            // DCP inherits the test process's environment, and everything DCP starts inherits DCP's: so every process
            // of this platform, however deep (postgres backends, beam's helpers, dotnet run's service), carries the marker.
            RunningPlatform platform;
            Environment.SetEnvironmentVariable(MarkedProcesses.VariableName, marker);
            try
            {
                platform = await RunningPlatform.StartAsync(dataDirectory, configure: null, PlatformFixture.StartTimeout);
            }
            finally
            {
                Environment.SetEnvironmentVariable(MarkedProcesses.VariableName, null);
            }

            try
            {
                var running = MarkedProcesses.Find(marker);
                // dcp, postgres and its backends, epmd, beam.smp, provider-sandbox, bank-accounts, payouts, batches, 2 × settlement, gateway …
                Assert.True(running.Count >= 10, string.Join("\n", running));
                foreach (var program in new[] { "dcp", "postgres", "beam.smp", "epmd" })
                    Assert.Contains(running, p => p.Contains(program, StringComparison.Ordinal));
                foreach (var service in RunningPlatform.Services)
                    foreach (var instance in await platform.InstancesAsync(service))
                        Assert.Contains(running, p => p.StartsWith($"{RunningPlatform.ProcessId(instance)} (", StringComparison.Ordinal));
            }
            finally
            {
                await platform.DisposeAsync();
            }

            Assert.Empty(await MarkedProcesses.WaitUntilNoneAsync(marker, TimeSpan.FromSeconds(30)));
        }
        finally
        {
            MarkedProcesses.Kill(marker);
            TempFolder.Delete(dataDirectory);
        }
    }
}
