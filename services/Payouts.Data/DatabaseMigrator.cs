using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Payouts.Data;

/// <summary>
/// Applies <typeparamref name="TContext"/>'s pending migrations, waiting while the database is not reachable yet (the
/// server or the database may still be starting) for at most <see cref="GiveUpAfter"/>. Only the waiting is bounded:
/// once the database answers, a long migration is not cut short.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(IServiceProvider services, ILogger<DatabaseMigrator<TContext>> logger)
    where TContext : DbContext
{
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        giveUp.CancelAfter(GiveUpAfter);
        var clock = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(250);
        var attempt = 0;
        Exception? lastFailure = null;
        try
        {
            while (true)
            {
                attempt++;
                try
                {
                    await MigrateOnceAsync(attempt, clock, giveUp.Token, cancellationToken);
                    return;
                }
                catch (Exception exception) when (IsDatabaseNotReachableYet(exception) && !giveUp.IsCancellationRequested)
                {
                    lastFailure = exception;
                    // The message is enough while waiting; the whole exception goes with the TimeoutException.
                    LogNotReachable(logger, typeof(TContext).Name, attempt, exception.GetBaseException().Message, delay);
                    await Task.Delay(delay, giveUp.Token);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The database for {typeof(TContext).Name} was not reachable within {GiveUpAfter.TotalSeconds:0} s ({attempt} attempts).", lastFailure);
        }
    }

    private async Task MigrateOnceAsync(int attempt, Stopwatch clock, CancellationToken giveUp, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<TContext>().Database;
        // Connects first, so this is where an unreachable database shows.
        var pending = (await database.GetPendingMigrationsAsync(giveUp)).ToList();
        await database.MigrateAsync(cancellationToken);
        if (pending.Count == 0) LogUpToDate(logger, typeof(TContext).Name);
        else LogApplied(logger, pending.Count, typeof(TContext).Name, string.Join(", ", pending), attempt, clock.Elapsed);
    }

    /// <summary>
    /// Connection-level failures are worth waiting out; a failing migration script is not and surfaces immediately.
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s) to {Context} (attempt {Attempt}, {Elapsed}): {Migrations}")]
    private static partial void LogApplied(ILogger logger, int count, string context, string migrations, int attempt, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Context} is up to date: no migration to apply")]
    private static partial void LogUpToDate(ILogger logger, string context);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database for {Context} not reachable yet (attempt {Attempt}: {Reason}); retrying in {Delay}")]
    private static partial void LogNotReachable(ILogger logger, string context, int attempt, string reason, TimeSpan delay);
}
