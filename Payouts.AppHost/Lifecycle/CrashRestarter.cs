namespace Payouts.AppHost.Lifecycle;

/// <summary>
/// Starts a crashed service again (Aspire itself leaves it Exited): a resource marked <see cref="RestartOnCrashAnnotation"/>
/// whose process goes from Running to Exited without passing Stopping (which an operator's Stop, or the AppHost's own
/// shutdown, goes through) is started with the dashboard's own start command after 1, 2, 4 … 30 s. The count resets
/// once it has run for a minute. Each restart is written to the resource's console log on the dashboard.
/// </summary>
internal sealed partial class CrashRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    ILogger<CrashRestarter> logger) : IPlatformWatcher
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, (string? State, DateTime Since, int Restarts)> _replicas = [];

    public async Task WatchAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken).ConfigureAwait(false))
        {
            if (!change.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>()) continue;
            var state = change.Snapshot.State?.Text;
            _replicas.TryGetValue(change.ResourceId, out var known);
            if (state == known.State) continue;

            var restarts = state == KnownResourceStates.Running && DateTime.UtcNow - known.Since > StableAfter ? 0 : known.Restarts;
            _replicas[change.ResourceId] = (state, DateTime.UtcNow, restarts);

            var crashed = known.State == KnownResourceStates.Running
                && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished)
                && !lifetime.ApplicationStopping.IsCancellationRequested;
            if (!crashed) continue;

            _replicas[change.ResourceId] = (state, DateTime.UtcNow, restarts + 1);
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, restarts), MaxDelay.TotalSeconds));
            var message = $"exited unexpectedly (exit code {change.Snapshot.ExitCode?.ToString() ?? "unknown"}); the AppHost starts it again in {delay.TotalSeconds:0} s (restart {restarts + 1})";
            resourceLogs.GetLogger(change.ResourceId).LogWarning("{Message}", message);
            LogCrashed(logger, change.ResourceId, message);
            _ = StartAgainAsync(change.ResourceId, delay, stoppingToken);
        }
    }

    private async Task StartAgainAsync(string resourceId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken).ConfigureAwait(false);
            if (!result.Success) LogRestartFailed(logger, resourceId, result.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} {Message}")]
    private static partial void LogCrashed(ILogger logger, string resource, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} could not be started again: {Error}")]
    private static partial void LogRestartFailed(ILogger logger, string resource, string? error);
}
