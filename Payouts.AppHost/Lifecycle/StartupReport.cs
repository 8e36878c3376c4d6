namespace Payouts.AppHost.Lifecycle;

/// <summary>
/// Prints the gateway's and the dashboard's URLs once every service is healthy. Until then, a resource that fails
/// (cannot start, or exits with an error: a migration, PostgreSQL, RabbitMQ, a service) or a start that takes longer
/// than <see cref="PlatformSettings.StartTimeout"/> stops the AppHost with exit code 1, after saying which resource
/// and why (its state, exit code, health and last log lines), on the console and in the AppHost's log.
/// </summary>
internal sealed class StartupReport(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    IConfiguration configuration,
    PlatformSettings settings) : IPlatformWatcher
{
    private const int LogLinesShown = 15;

    /// <summary>The dashboard's resource, present in the model only when the dashboard runs (tests turn it off).</summary>
    private const string DashboardResourceName = "aspire-dashboard";
    private readonly Dictionary<string, ResourceEvent> _latest = [];

    public async Task WatchAsync(CancellationToken stoppingToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        starting.CancelAfter(settings.StartTimeout);

        var services = model.Resources.Where(r => r.HasAnnotationOfType<RestartOnCrashAnnotation>()).Select(r => r.Name).ToList();
        var healthy = Task.WhenAll(services.Select(name => notifications.WaitForResourceHealthyAsync(name, starting.Token)));
        var failure = WatchForFailureAsync(starting.Token);

        try
        {
            if (await Task.WhenAny(healthy, failure).ConfigureAwait(false) == healthy)
            {
                await healthy.ConfigureAwait(false);
                await starting.CancelAsync().ConfigureAwait(false);
                var dashboard = model.Resources.Any(r => r.Name == DashboardResourceName) ? DashboardDefaults.LoginUrl(configuration) : null;
                Console.WriteLine($"Payouts is ready in {clock.Elapsed.TotalSeconds:0.0} s: gateway http://127.0.0.1:{settings.GatewayPort} · console http://127.0.0.1:{settings.ConsolePort}"
                    + (dashboard is null ? "" : $" · dashboard {dashboard}"));
                return;
            }
            await FailAsync(await failure.ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var waiting = services.Where(name => !IsHealthy(name)).ToList();
            var reasons = _latest.Values.Where(e => e.Snapshot.HealthStatus is not null and not HealthStatus.Healthy && e.Snapshot.State?.Text == KnownResourceStates.Running)
                .Select(e => $"{e.ResourceId}: {Describe(e)}");
            await FailAsync($"not healthy within {settings.StartTimeout.TotalSeconds:0} s: {string.Join(", ", waiting)}"
                + Environment.NewLine + string.Join(Environment.NewLine, reasons)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<string> WatchForFailureAsync(CancellationToken cancellationToken)
    {
        await foreach (var change in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
        {
            _latest[change.ResourceId] = change;
            var state = change.Snapshot.State?.Text;
            var failed = state == KnownResourceStates.FailedToStart
                || ((state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && change.Snapshot.ExitCode is not (null or 0));
            if (!failed) continue;

            var lines = new List<string>();
            await foreach (var batch in resourceLogs.GetAllAsync(change.ResourceId).WithCancellation(cancellationToken).ConfigureAwait(false))
                lines.AddRange(batch.Select(line => line.Content).Where(line => !IsStackFrame(line)));
            return $"{change.ResourceId} {Describe(change)}"
                + (lines.Count == 0 ? "" : Environment.NewLine + string.Join(Environment.NewLine, lines.TakeLast(LogLinesShown).Select(l => "  | " + l)));
        }
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Stack frames say where, not why: the console shows the messages around them.</summary>
    private static bool IsStackFrame(string line) => line.TrimStart().StartsWith("at ", StringComparison.Ordinal)
        || (line.Length > 29 && line[29..].TrimStart().StartsWith("at ", StringComparison.Ordinal));

    private bool IsHealthy(string name) =>
        _latest.Values.Any(e => e.Resource.Name == name && e.Snapshot.HealthStatus == HealthStatus.Healthy);

    private static string Describe(ResourceEvent change)
    {
        var snapshot = change.Snapshot;
        var health = snapshot.HealthReports.FirstOrDefault(r => r.Status is not HealthStatus.Healthy);
        return $"is {snapshot.State?.Text ?? "unknown"}"
            + (snapshot.ExitCode is { } code ? $" (exit code {code})" : "")
            + (health is null ? "" : $", {health.Name}: {health.Description ?? health.ExceptionText ?? health.Status.ToString()}");
    }

    private Task FailAsync(string reason)
    {
        Console.Error.WriteLine($"[apphost] error: {reason}");
        Console.Error.WriteLine("[apphost] stopping what has started.");
        Environment.ExitCode = 1;
        lifetime.StopApplication();
        return Task.CompletedTask;
    }
}
