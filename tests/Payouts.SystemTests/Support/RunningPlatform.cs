using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Payouts.Hosting;

namespace Payouts.SystemTests.Support;

/// <summary>
/// The real AppHost (<c>Payouts.AppHost/Program.cs</c>) run by <see cref="DistributedApplicationTestingBuilder"/>, and
/// what the system tests ask of it: health of every replica, clients, connection strings, a replica's process, the
/// broker's stop and start commands. The AppHost does the orchestrating; this only reads its resource snapshots and
/// calls its commands.
/// </summary>
public sealed class RunningPlatform : IAsyncDisposable
{
    /// <summary>The platform's services (projects restarted when they crash), in the AppHost's order.</summary>
    public static readonly string[] Services = ["provider-sandbox", "bank-accounts", "payouts", "batches", "settlement", "notifications", "gateway", "console"];

    /// <summary>The services with a database, each migrated by its <c>&lt;service&gt;-migrations</c> resource before it starts.</summary>
    public static readonly IReadOnlyDictionary<string, string> Databases = new Dictionary<string, string>
    {
        ["provider-sandbox"] = "providersandboxdb",
        ["bank-accounts"] = "bankaccountsdb",
        ["payouts"] = "payoutsdb",
        ["batches"] = "batchesdb",
        ["settlement"] = "settlementdb",
        ["notifications"] = "notificationsdb",
    };

    public const int SettlementReplicas = 2;

    /// <summary>The snapshot property holding the process id DCP started for an executable or project.</summary>
    public const string ProcessIdProperty = "executable.pid";

    private RunningPlatform(DistributedApplication app, string dataDirectory, int gatewayPort)
    {
        App = app;
        DataDirectory = dataDirectory;
        GatewayPort = gatewayPort;
    }

    public DistributedApplication App { get; }

    /// <summary>The AppHost's <c>--data-dir</c>: the local servers' data and the dev signing key.</summary>
    public string DataDirectory { get; }

    /// <summary>The AppHost's <c>--gateway-port</c>.</summary>
    public int GatewayPort { get; }

    /// <summary>The key the AppHost gives every service (<c>Auth__SigningKey</c>), as it wrote it for the <c>token</c> command.</summary>
    public string SigningKey => File.ReadAllText(Path.Combine(DataDirectory, "dev-signing-key")).Trim();

    public Tokens Tokens => new(SigningKey);

    /// <summary>
    /// Builds the AppHost with the system tests' arguments (a data folder of the test's, a free gateway port, PostgreSQL
    /// without fsync, two settlement replicas), lets <paramref name="configure"/> add per-resource settings, starts it,
    /// and returns once every replica of every service is healthy. A resource that fails first fails the start, with
    /// its state and last log lines; whatever did start is stopped.
    /// </summary>
    public static async Task<RunningPlatform> StartAsync(
        string dataDirectory, Action<IDistributedApplicationTestingBuilder>? configure, TimeSpan timeout, params string[] extraArgs)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var gatewayPort = FreePort.Next();
        string[] args =
        [
            "--data-dir", dataDirectory,
            "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--console-port", "0",
            "--ephemeral", "true",
            "--settlement-replicas", SettlementReplicas.ToString(CultureInfo.InvariantCulture),
            // The AppHost gives up after this; the test's own bound (timeout) is the one that counts.
            "--start-timeout", ((int)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            .. extraArgs,
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Payouts_AppHost>(args, (_, _) => { }, cancellation.Token);
        DistributedApplication app;
        try
        {
            configure?.Invoke(builder);
            app = await builder.BuildAsync(cancellation.Token);
        }
        catch
        {
            await builder.DisposeAsync();
            throw;
        }

        var platform = new RunningPlatform(app, dataDirectory, gatewayPort);
        try
        {
            await app.StartAsync(cancellation.Token);
            await platform.WaitForServicesHealthyAsync(cancellation.Token);
            return platform;
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            var states = await platform.DescribeAsync();
            await platform.DisposeAsync();
            throw new TimeoutException($"The platform was not healthy within {timeout.TotalSeconds:0} s:{Environment.NewLine}{states}", e);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where the console (web/Payouts.Console) listens, with no proxy in front of it.</summary>
    public Uri ConsoleUrl => App.GetEndpoint("console", "http");

    /// <summary>An HttpClient on the resource's http endpoint (the gateway's own port; a service's through Aspire's proxy).</summary>
    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource, "http");

    /// <summary>A database's connection string (<c>payoutsdb</c> …) or the broker's (<c>messaging</c>).</summary>
    public async Task<string> GetConnectionStringAsync(string resource) =>
        await App.GetConnectionStringAsync(resource) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>The latest snapshot of each instance of a resource (one per replica), in resource id order.</summary>
    public async Task<IReadOnlyList<ResourceEvent>> InstancesAsync(string resource, CancellationToken cancellationToken = default)
    {
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        var expected = model.Resources.Single(r => r.Name == resource).GetReplicaCount();
        var seen = new Dictionary<string, ResourceEvent>(StringComparer.Ordinal);
        // The notification service replays the latest state of every instance first.
        await App.ResourceNotifications.WaitForResourceAsync(resource, e =>
        {
            seen[e.ResourceId] = e;
            return seen.Count >= expected;
        }, cancellationToken);
        return [.. seen.Keys.Order(StringComparer.Ordinal).Select(Current)];
    }

    /// <summary>The latest snapshot of one instance (a resource id such as <c>settlement-abcd1234</c>, or the name of a single-instance resource).</summary>
    public ResourceEvent Current(string resourceId) =>
        App.ResourceNotifications.TryGetCurrentState(resourceId, out var current)
            ? current
            : throw new InvalidOperationException($"{resourceId} has no state.");

    /// <summary>The process DCP started for the instance (for a project, <c>dotnet run</c> or the service itself), if it runs.</summary>
    public static int? ProcessId(ResourceEvent instance) =>
        instance.Snapshot.Properties.FirstOrDefault(p => p.Name == ProcessIdProperty)?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };

    /// <summary>An environment variable of the instance's process, as DCP started it.</summary>
    public static string? EnvironmentVariable(ResourceEvent instance, string name) =>
        instance.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == name)?.Value;

    public static bool IsHealthy(ResourceEvent instance) =>
        instance.Snapshot.State?.Text == KnownResourceStates.Running && instance.Snapshot.HealthStatus == HealthStatus.Healthy;

    /// <summary>
    /// Kills the instance's process and everything under it with SIGKILL, as a crash would (a project runs under
    /// <c>dotnet run</c>, so the service is a child of the process DCP knows). Returns the pid DCP reported.
    /// </summary>
    public async Task<int> KillAsync(string resourceId)
    {
        var pid = ProcessId(Current(resourceId)) ?? throw new InvalidOperationException($"{resourceId} has no running process.");
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return pid;
    }

    /// <summary>Waits until the instance is running, healthy and (when <paramref name="notProcess"/> is given) on another process.</summary>
    public Task<ResourceEvent> WaitForHealthyAsync(string resource, string resourceId, int? notProcess, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.ResourceId == resourceId && IsHealthy(e) && (notProcess is null || ProcessId(e) is { } pid && pid != notProcess),
            cancellationToken);

    /// <summary>
    /// Stops the broker with the resource's Stop command (a clean shutdown), waits <paramref name="downtime"/>, starts it
    /// with its Start command (same port, same data) and returns once Aspire reports it healthy and it accepts an AMQP
    /// connection. The services are left alone: they must reconnect by themselves.
    /// </summary>
    public async Task RestartBrokerAsync(TimeSpan downtime, CancellationToken cancellationToken)
    {
        const string broker = "messaging";
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        // Aspire's Stop asks DCP to stop the process and checks for about 20 s whether it has; a broker that takes longer
        // to shut down (a loaded machine) makes the command report failure while the stop goes on. What counts is that
        // the broker does stop, within the caller's bound.
        var brokerProcesses = ProcessTree(ProcessId(Current(broker)) ?? throw new InvalidOperationException($"{broker} has no running process."));
        var stopped = await commands.ExecuteCommandAsync(broker, KnownResourceCommands.StopCommand, cancellationToken);
        if (!stopped.Success)
        {
            // DCP gave up waiting (it then shows the broker as Unknown) while the broker's shutdown goes on: once its
            // processes are gone, Stop asked again finds it stopped.
            BrokerStopNote = $"the Stop command answered '{stopped.Message}' before the broker had exited";
            foreach (var process in brokerProcesses) await process.WaitForExitAsync(cancellationToken);
            var again = await commands.ExecuteCommandAsync(broker, KnownResourceCommands.StopCommand, cancellationToken);
            BrokerStopNote += again.Success ? "; asked again once it had exited, it succeeded" : $"; asked again once it had exited: '{again.Message}'";
        }
        await App.ResourceNotifications.WaitForResourceAsync(broker,
            e => e.Snapshot.State?.Text == KnownResourceStates.Exited || e.Snapshot.State?.Text == KnownResourceStates.Finished, cancellationToken);
        foreach (var process in brokerProcesses) process.Dispose();

        await Task.Delay(downtime, cancellationToken);

        var started = await commands.ExecuteCommandAsync(broker, KnownResourceCommands.StartCommand, cancellationToken);
        if (!started.Success) throw new InvalidOperationException($"starting {broker} failed: {started.Message}");
        await App.ResourceNotifications.WaitForResourceAsync(broker, IsHealthy, cancellationToken);
        var uri = new Uri(await GetConnectionStringAsync(broker));
        while (true)
        {
            try
            {
                var factory = new RabbitMQ.Client.ConnectionFactory { Uri = uri, AutomaticRecoveryEnabled = false, ClientProvidedName = "system-tests" };
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>A process and its descendants (from /proc), as handles that stay valid after they exit.</summary>
    private static List<Process> ProcessTree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
                list.Add(pid);
            }
            catch (IOException) { }
        }
        var tree = new List<Process>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            try { tree.Add(Process.GetProcessById(pid)); }
            catch (ArgumentException) { continue; } // already gone
            foreach (var child in children.GetValueOrDefault(pid) ?? []) pending.Enqueue(child);
        }
        return tree;
    }

    /// <summary>Set when the last broker restart's Stop command reported failure although the broker then stopped.</summary>
    public string? BrokerStopNote { get; private set; }

    /// <summary>What the instance wrote to its console (and what the AppHost wrote to its log), oldest first.</summary>
    public async Task<IReadOnlyList<string>> LogsAsync(string resourceId)
    {
        var lines = new List<string>();
        await foreach (var batch in App.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resourceId))
            lines.AddRange(batch.Select(line => line.Content));
        return lines;
    }

    /// <summary>Every instance's state, health and exit code, one a line: for failure messages.</summary>
    public async Task<string> DescribeAsync()
    {
        var latest = new Dictionary<string, ResourceEvent>(StringComparer.Ordinal);
        using var replayed = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var change in App.ResourceNotifications.WatchAsync(replayed.Token))
                latest[change.ResourceId] = change;
        }
        catch (OperationCanceledException)
        {
        }
        return string.Join(Environment.NewLine, latest.Values.OrderBy(e => e.ResourceId, StringComparer.Ordinal).Select(Describe));
    }

    public static string Describe(ResourceEvent e)
    {
        var unhealthy = e.Snapshot.HealthReports.FirstOrDefault(r => r.Status is not HealthStatus.Healthy);
        return $"{e.ResourceId}: {e.Snapshot.State?.Text ?? "unknown"}"
            + (e.Snapshot.HealthStatus is { } health ? $", {health}" : "")
            + (e.Snapshot.ExitCode is { } code ? $", exit code {code}" : "")
            + (unhealthy is null ? "" : $" ({unhealthy.Name}: {unhealthy.Description ?? unhealthy.ExceptionText})");
    }

    /// <summary>Every replica of every service healthy; fails at once, with the resource's last lines, when one fails instead.</summary>
    private async Task WaitForServicesHealthyAsync(CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failure = WatchForFailureAsync(watching.Token);
        var healthy = Task.WhenAll(Services.Select(async service =>
        {
            foreach (var instance in await InstancesAsync(service, cancellationToken))
                await App.ResourceNotifications.WaitForResourceAsync(service, e => e.ResourceId == instance.ResourceId && IsHealthy(e), cancellationToken);
        }));
        try
        {
            if (await Task.WhenAny(healthy, failure) == failure) throw new InvalidOperationException(await failure);
            await healthy;
        }
        finally
        {
            await watching.CancelAsync();
        }
    }

    private async Task<string> WatchForFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in App.ResourceNotifications.WatchAsync(cancellationToken))
            {
                var state = change.Snapshot.State?.Text;
                var failed = state == KnownResourceStates.FailedToStart
                    || ((state == KnownResourceStates.Exited || state == KnownResourceStates.Finished) && change.Snapshot.ExitCode is not (null or 0));
                if (!failed) continue;
                var lines = await LogsAsync(change.ResourceId);
                return $"{Describe(change)}{Environment.NewLine}{string.Join(Environment.NewLine, lines.TakeLast(30).Select(l => "  | " + l))}";
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Stops the application (every process it started) and lets it go.</summary>
    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
