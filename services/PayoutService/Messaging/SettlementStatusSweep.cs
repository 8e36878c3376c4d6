using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.Contracts;
using Payouts.Contracts.Settlement;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// The payout saga's timeout. A payout processing past <see cref="ProcessingOptions.StatusCheckAfter"/> is not failed
/// blindly (settlement may have paid it): settlement is asked with <see cref="GetSettlementStatus"/>, and its
/// <see cref="SettlementStatus"/> answer goes to the saga. Due times live in <c>payout_saga</c>, so checks survive
/// restarts; rows are taken with <c>FOR UPDATE SKIP LOCKED</c>, so several replicas never ask twice for one payout.
/// </summary>
public sealed partial class SettlementStatusSweep(IServiceScopeFactory scopes, IOptions<ProcessingOptions> options, TimeProvider clock,
    ILogger<SettlementStatusSweep> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatusSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int asked;
                do
                {
                    asked = await AskDueAsync(stoppingToken);
                    if (asked > 0) LogAsked(logger, asked);
                }
                while (asked == BatchSize);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    /// <summary>Sends one status query per due payout and moves its due time on; returns how many were asked.</summary>
    public async Task<int> AskDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PayoutsDbContext>();
        // Scoped outside a consumer, this is the transactional outbox: the queries leave only if the due times commit.
        var send = scope.ServiceProvider.GetRequiredService<ISendEndpointProvider>();
        var asked = 0;
        await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var now = clock.GetUtcNow();
            var due = await db.Set<PayoutState>().FromSql($"""
                SELECT * FROM payout_saga
                WHERE current_state = 'Settling' AND status_check_due_at <= {now}
                ORDER BY status_check_due_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """).AsTracking().ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                asked = 0;
                return;
            }

            var endpoint = await send.GetSendEndpoint(QueueAddress.For(SettlementQueues.GetSettlementStatus));
            foreach (var saga in due)
            {
                await endpoint.Send(new GetSettlementStatus(saga.CorrelationId), cancellationToken);
                saga.StatusChecks++;
                // No answer (settlement down, reply lost) is the same as "still open": ask again after the interval.
                saga.StatusCheckDueAt = now + options.Value.StatusCheckInterval;
            }

            await db.SaveChangesAsync(cancellationToken);
            asked = due.Count;
        }, cancellationToken);
        return asked;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked settlement for the status of {Count} payouts still processing")]
    private static partial void LogAsked(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement status sweep failed; trying again next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
