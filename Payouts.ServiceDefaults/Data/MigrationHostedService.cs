using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payouts.ServiceDefaults.Data;

/// <summary>
/// Migrates the database in <see cref="StartAsync"/>: hosted services registered by the app start
/// before Kestrel, so no request sees an unmigrated schema.
/// </summary>
internal sealed partial class MigrationHostedService<TContext>(
    IServiceProvider services,
    ILogger<MigrationHostedService<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    private static readonly ActivitySource ActivitySource = new("Payouts.Migrations");
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity($"Migrate {typeof(TContext).Name}");
        var delay = TimeSpan.FromMilliseconds(250);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var context = scope.ServiceProvider.GetRequiredService<TContext>();
                await context.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, typeof(TContext).Name, attempt);
                return;
            }
            catch (Exception exception) when (IsDatabaseNotReachableYet(exception) && !cancellationToken.IsCancellationRequested)
            {
                LogNotReachable(logger, exception, typeof(TContext).Name, attempt, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Connection-level failures are worth waiting out (the server or the database may still be
    /// starting); a failing migration script is not and surfaces immediately.
    /// </summary>
    private static bool IsDatabaseNotReachableYet(Exception exception) => exception switch
    {
        RetryLimitExceededException { InnerException: { } inner } => IsDatabaseNotReachableYet(inner),
        // 3D000: database does not exist yet; 57P03: server is starting up; 53300: too many connections.
        PostgresException postgres => postgres.SqlState is "3D000" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrated {Context} (attempt {Attempt})")]
    private static partial void LogMigrated(ILogger logger, string context, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database for {Context} not reachable yet (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogNotReachable(ILogger logger, Exception exception, string context, int attempt, TimeSpan delay);
}
