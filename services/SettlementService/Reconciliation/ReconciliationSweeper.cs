using Microsoft.Extensions.Options;

namespace Payouts.SettlementService.Reconciliation;

/// <summary>Runs <see cref="TransferReconciler"/> every <see cref="ReconciliationOptions.Interval"/>.</summary>
public sealed partial class ReconciliationSweeper(
    IServiceScopeFactory scopes,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var resolved = await scope.ServiceProvider.GetRequiredService<TransferReconciler>().ReconcileDueAsync(stoppingToken);
                if (resolved > 0) LogResolved(logger, resolved);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation resolved {Count} transfers")]
    private static partial void LogResolved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation pass failed; trying again next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
