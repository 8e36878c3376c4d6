namespace Payouts.ProviderSandbox.Application;

/// <summary>Resolves due pending transfers in the background, so balances are returned even when nobody reads.</summary>
public sealed partial class PendingTransferSweeper(IServiceScopeFactory scopes, ILogger<PendingTransferSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PendingTransferResolver>().ResolveDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resolving pending transfers failed; trying again shortly")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
