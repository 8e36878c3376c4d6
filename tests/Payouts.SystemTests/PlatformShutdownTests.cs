using Payouts.AppHost.Platform;

namespace Payouts.SystemTests;

public sealed class PlatformShutdownTests
{
    [Fact]
    public async Task After_stop_none_of_the_processes_the_platform_started_or_their_descendants_is_alive()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var platform = await PayoutsPlatform.StartAsync(PlatformFixture.Options(dataDirectory), timeout.Token);
            IReadOnlyDictionary<int, string> started;
            try
            {
                // Postgres backends and Erlang helpers are descendants, not direct children: take them while they exist.
                started = LiveProcesses.Snapshot([.. platform.StartedProcessIds, .. platform.ProcessTreeIds()]);
                // postgres, epmd, beam, provider-sandbox, bank-accounts, payouts, batches, 2 × settlement, gateway, and more below them
                Assert.True(started.Count >= 10, $"only {started.Count} processes were found running");
            }
            finally
            {
                await platform.DisposeAsync();
            }

            Assert.Empty(LiveProcesses.StillAlive(started));
        }
        finally
        {
            TempFolder.Delete(dataDirectory);
        }
    }
}
