using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// <c>dotnet Service.dll migrate</c>: applies the service's migrations and exits, so they run once, before the
/// service's replicas start, instead of in every replica (which race each other on a fresh database).
/// </summary>
/// <example>
/// In Program.cs, right after <c>var app = builder.Build();</c> (before anything that needs more than the database):
/// <code>if (MigrateCommand.IsRequested(args)) return await app.RunMigrateCommandAsync&lt;PayoutsDbContext&gt;();</code>
/// </example>
public static partial class MigrateCommand
{
    public const string Name = "migrate";

    /// <summary>True when the process was started with exactly the argument <c>migrate</c>.</summary>
    public static bool IsRequested(IReadOnlyList<string> args) => args is [Name];

    /// <summary>
    /// Migrates with <see cref="DatabaseMigrationExtensions.MigrateDatabaseAsync{TContext}"/> without starting the host
    /// (no server, bus or hosted services), then disposes it, as <c>Run</c> would, so the log is flushed.
    /// </summary>
    /// <returns>The process exit code: 0 when migrated, 1 (after logging why) when not.</returns>
    public static async Task<int> RunMigrateCommandAsync<TContext>(this IHost host)
        where TContext : DbContext
    {
        try
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand).FullName!);
            try
            {
                await host.Services.MigrateDatabaseAsync<TContext>();
                return 0;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception, typeof(TContext).Name);
                return 1;
            }
        }
        finally
        {
            if (host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else host.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migrating {Context} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string context);
}
