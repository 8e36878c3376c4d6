namespace Payouts.AppHost.Lifecycle;

/// <summary>Something that follows the resources' states for as long as the AppHost runs.</summary>
internal interface IPlatformWatcher
{
    Task WatchAsync(CancellationToken stoppingToken);
}
