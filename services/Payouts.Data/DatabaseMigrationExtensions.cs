using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Data;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseMigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s pending migrations with the context as the service registers it,
    /// retrying while the database is not reachable yet (transient Npgsql errors, 3D000, 57P03, 53300) for at most two
    /// minutes (a migration under way is not cut short); throws on any other failure or when it gives up. What the
    /// <c>migrate</c> command runs, and what in-process test hosts call before the service starts.
    /// </summary>
    public static Task MigrateDatabaseAsync<TContext>(this IServiceProvider services, CancellationToken cancellationToken = default)
        where TContext : DbContext =>
        ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(services).MigrateAsync(cancellationToken);
}
