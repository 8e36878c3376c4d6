namespace Payouts.AppHost.Lifecycle;

internal static class PlatformWatchers
{
    /// <summary>
    /// Starts the watchers when the application starts, not as hosted services: Aspire's orchestrator finishes its own
    /// start only once every resource has started, which is exactly what a failing resource prevents.
    /// </summary>
    public static IDistributedApplicationBuilder AddPlatformWatchers(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        builder.Services.AddSingleton(settings)
            .AddSingleton<IPlatformWatcher, StartupReport>()
            .AddSingleton<IPlatformWatcher, CrashRestarter>();
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
        {
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            foreach (var watcher in @event.Services.GetServices<IPlatformWatcher>())
                _ = Task.Run(() => watcher.WatchAsync(stopping), stopping);
            return Task.CompletedTask;
        });
        return builder;
    }
}
