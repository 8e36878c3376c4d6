using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Payouts.Messaging.Inbox;

/// <summary>Deletes inbox rows older than the retention period; they only guard against late redeliveries.</summary>
internal sealed class InboxCleanupService<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IOptions<TransactionalOutboxOptions> options,
    ILogger<InboxCleanupService<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.InboxCleanupInterval);
        do
        {
            try
            {
                await using var scope = scopeFactory.CreateAsyncScope();
                var dbContext = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var deleted = await RemoveExpiredAsync(dbContext, settings.InboxRetention, stoppingToken).ConfigureAwait(false);
                if (deleted > 0)
                    logger.LogInformation("Removed {Count} expired inbox rows from {DbContext}", deleted, typeof(TDbContext).Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Inbox cleanup for {DbContext} failed", typeof(TDbContext).Name);
            }
        }
        while (await WaitNextAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    internal static Task<int> RemoveExpiredAsync(DbContext dbContext, TimeSpan retention, CancellationToken cancellationToken)
    {
        var cutoff = DateTime.UtcNow - retention;
        return dbContext.Set<InboxState>().Where(s => s.ReceivedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    static async Task<bool> WaitNextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
