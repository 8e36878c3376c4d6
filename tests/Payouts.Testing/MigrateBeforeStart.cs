using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Payouts.Testing;

/// <summary>
/// The service no longer migrates at start: the AppHost runs its `migrate` command first. In process, the test host
/// does the same with the command's own Payouts.Data piece, in <see cref="StartingAsync"/>, which runs before any
/// hosted service (server, bus, sweepers, seeders) starts.
/// </summary>
public sealed class MigrateBeforeStart<TContext>(IServiceProvider services) : IHostedLifecycleService
    where TContext : DbContext
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.MigrateDatabaseAsync<TContext>(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
