using System.Diagnostics;
using Payouts.AppHost.Hosting;
using Payouts.AppHost.Infrastructure;
using Payouts.AppHost.Resources;

namespace Payouts.AppHost.Platform;

/// <summary>
/// The whole platform, started by the AppHost: PostgreSQL, RabbitMQ, the provider sandbox, the services and the
/// gateway, each once what it waits for is healthy. The command line uses it, and so do tests, in the manner of
/// Aspire.Hosting.Testing: start, wait for health, get an HttpClient for a resource, stop.
/// </summary>
public sealed class PayoutsPlatform : IAsyncDisposable
{
    private readonly PlatformOptions _options;
    private readonly List<PlatformResource> _resources = [];
    private readonly ResourceLog _appHostLog;
    private readonly ConsoleOutput? _console;
    private readonly Lock _stopLock = new();
    private PostgresResource? _postgres;
    private MessagingResource? _messaging;
    private Task? _stopping;

    private PayoutsPlatform(PlatformOptions options)
    {
        _options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory ?? Path.Combine(RepositoryRoot.Find(), ".apphost"));
        Directory.CreateDirectory(DataDirectory);
        LogDirectory = Path.Combine(DataDirectory, "logs");
        _console = options.Output is null ? null : new ConsoleOutput(options.Output, options.ColoredOutput);
        _appHostLog = new ResourceLog(ConsoleOutput.AppHostName, LogDirectory, _console);
        SigningKey = DevSigningKey.LoadOrCreate(DataDirectory);
    }

    /// <summary>Where this platform keeps its state and logs.</summary>
    public string DataDirectory { get; }

    /// <summary>Folder of the per-resource log files (<c>payouts-1.log</c>, <c>postgres.log</c> …).</summary>
    public string LogDirectory { get; }

    /// <summary>The key every service and the gateway validate tokens with (<c>Auth__SigningKey</c>).</summary>
    public string SigningKey { get; }

    public IReadOnlyList<PlatformResource> Resources => _resources;

    /// <summary>The gateway's base address (<c>http://127.0.0.1:8080</c>).</summary>
    public Uri GatewayUrl => GetEndpoint(PlatformTopology.Gateway);

    /// <summary>How long the start took, from the call to every resource healthy.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Starts every resource in dependency order and returns once all are healthy; stops what it started and throws <see cref="ResourceStartException"/> if one cannot start.</summary>
    public static async Task<PayoutsPlatform> StartAsync(PlatformOptions options, CancellationToken cancellationToken = default)
    {
        var platform = new PayoutsPlatform(options);
        try
        {
            platform.CreateResources();
            await platform.StartResourcesAsync(cancellationToken).ConfigureAwait(false);
            return platform;
        }
        catch
        {
            await platform.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public PlatformResource GetResource(string name) =>
        _resources.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"'{name}' is not a resource of this platform ({string.Join(", ", _resources.Select(r => r.Name))}).", nameof(name));

    public ProjectResource GetProject(string name) =>
        GetResource(name) as ProjectResource ?? throw new ArgumentException($"'{name}' is not a project resource.", nameof(name));

    /// <summary>The base address of one replica of a project resource.</summary>
    public Uri GetEndpoint(string resource, int replica = 0) => GetProject(resource).Endpoints[replica];

    /// <summary>An HttpClient whose base address is the resource's endpoint (no proxy: everything is on loopback).</summary>
    public HttpClient CreateHttpClient(string resource, int replica = 0) =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = GetEndpoint(resource, replica) };

    /// <summary>A database's connection string (<c>payoutsdb</c> …) or the broker's (<c>messaging</c>).</summary>
    public string GetConnectionString(string name)
    {
        if (name == MessagingResource.ResourceName && _messaging is not null) return _messaging.ConnectionString;
        if (_postgres is not null && _postgres.Databases.Contains(name)) return _postgres.ConnectionString(name);
        throw new ArgumentException($"'{name}' is not a connection string of this platform.", nameof(name));
    }

    /// <summary>Waits until every replica of the resource is healthy.</summary>
    public async Task WaitForHealthyAsync(string resource, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var target = GetResource(resource);
        var clock = Stopwatch.StartNew();
        while (!target.IsHealthy)
        {
            if (target.State == ResourceState.Failed)
                throw new InvalidOperationException($"{resource} has failed.");
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"{resource} was not healthy within {timeout.TotalSeconds:0} s (state {target.State}).");
            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills one replica's process outright, as a crash would; the AppHost restarts it.</summary>
    public Task KillReplicaAsync(string resource, int replica) => GetProject(resource).Replicas[replica].KillAsync();

    /// <summary>
    /// Stops an infrastructure server the AppHost runs (<c>messaging</c>, <c>postgres</c>) cleanly and starts it again
    /// on the same ports and data after <paramref name="downtime"/>, as an operator's restart would; completes once it
    /// accepts connections again. The services are left alone: they must reconnect by themselves.
    /// </summary>
    public Task RestartServerAsync(string resource, TimeSpan downtime = default) =>
        GetResource(resource) is ServerResource server
            ? server.RestartAsync(downtime)
            : throw new ArgumentException($"'{resource}' is not an infrastructure server.", nameof(resource));

    /// <summary>The running process of one replica, if it is running.</summary>
    public int? GetProcessId(string resource, int replica = 0) => GetProject(resource).Replicas[replica].ProcessId;

    /// <summary>Every process the platform has started, including ones since exited or replaced.</summary>
    public IReadOnlyList<int> StartedProcessIds => [.. _resources.SelectMany(r => r.StartedProcessIds)];

    /// <summary>The processes running now and all their descendants (postgres backends, Erlang helpers …).</summary>
    public IReadOnlyList<int> ProcessTreeIds()
    {
        var roots = _resources.SelectMany(r => r.ProcessIds).ToList();
        return [.. roots, .. roots.SelectMany(ProcessTree.DescendantsOf)];
    }

    /// <summary>The recent console output of a replica (<c>payouts-1</c>) or infrastructure resource (<c>postgres</c>).</summary>
    public IReadOnlyList<LogLine> GetLogs(string source)
    {
        foreach (var resource in _resources)
        {
            if (resource is ServerResource server && server.Name == source) return server.Log.Snapshot();
            if (resource is ProjectResource project && project.Replicas.FirstOrDefault(r => r.Id == source) is { } replica)
                return replica.Log.Snapshot();
        }
        if (source == ConsoleOutput.AppHostName) return _appHostLog.Snapshot();
        throw new ArgumentException($"'{source}' has no logs here.", nameof(source));
    }

    /// <summary>Stops everything in reverse dependency order; safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (_stopLock) return _stopping ??= StopResourcesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var resource in _resources.OfType<IDisposable>()) resource.Dispose();
        _appHostLog.Dispose();
    }

    internal void Announce(string message) => _appHostLog.Write(message);

    private void CreateResources()
    {
        var projects = SelectedProjects();
        var ports = new PortAllocator();
        if (_options.GatewayPort != 0) ports.Claim(_options.GatewayPort);

        var databases = projects.Select(p => p.Database).OfType<string>().ToList();
        var needsMessaging = projects.Any(p => p.UsesMessaging);
        var ownInfrastructure = (databases.Count > 0 && _options.PostgresConnectionString is null) || (needsMessaging && _options.RabbitMqConnectionString is null);
        var infrastructurePorts = ownInfrastructure ? InfrastructurePorts.LoadOrAllocate(DataDirectory, ports) : null;
        if (databases.Count > 0) _resources.Add(_postgres = CreatePostgres(databases, infrastructurePorts));
        if (needsMessaging) _resources.Add(_messaging = CreateMessaging(infrastructurePorts));

        var environment = new ProjectEnvironment(_options, this);
        foreach (var project in projects)
        {
            var built = BuiltProject.For(project.Name);
            var replicaPorts = project.Name switch
            {
                PlatformTopology.Gateway when _options.GatewayPort != 0 => [_options.GatewayPort],
                PlatformTopology.Settlement => Enumerable.Range(0, _options.SettlementReplicas).Select(_ => ports.Next()).ToList(),
                _ => new List<int> { ports.Next() },
            };
            IReadOnlyList<string> waitFor =
            [
                .. project.Database is null ? [] : new[] { PostgresResource.ResourceName },
                .. project.UsesMessaging ? [MessagingResource.ResourceName] : Array.Empty<string>(),
                .. project.WaitFor.Where(name => projects.Any(p => p.Name == name)),
            ];
            _resources.Add(new ProjectResource(
                project.Name, waitFor, built, replicaPorts,
                (replicaId, endpoint) => environment.For(project, built, replicaId, endpoint),
                new ProjectResourceSettings(_options.StartTimeout, _options.MaxStartAttempts),
                LogDirectory, _console, Announce));
        }
    }

    /// <summary>The projects to start: all, or those asked for plus what they wait for.</summary>
    private List<ProjectDefinition> SelectedProjects()
    {
        if (_options.SettlementReplicas < 1)
            throw new ArgumentException("SettlementReplicas must be at least 1.");
        if (_options.Resources.Count == 0) return [.. PlatformTopology.Projects];

        var wanted = new HashSet<string>();
        var pending = new Stack<string>(_options.Resources.Where(n => n is not PostgresResource.ResourceName and not MessagingResource.ResourceName));
        while (pending.TryPop(out var name))
        {
            if (!wanted.Add(name)) continue;
            foreach (var dependency in PlatformTopology.Project(name).WaitFor) pending.Push(dependency);
        }
        return [.. PlatformTopology.Projects.Where(p => wanted.Contains(p.Name))];
    }

    private PostgresResource CreatePostgres(IReadOnlyList<string> databases, InfrastructurePorts? saved)
    {
        var log = new ResourceLog(PostgresResource.ResourceName, LogDirectory, _console);
        if (_options.PostgresConnectionString is { } connectionString)
            return PostgresResource.External(connectionString, databases, log, Announce);
        ArgumentNullException.ThrowIfNull(saved);
        return PostgresResource.Local(
            new PostgresServerOptions { BaseDirectory = Path.Combine(DataDirectory, "postgres"), Port = saved.Postgres, Ephemeral = _options.Ephemeral },
            databases, log, Announce);
    }

    private MessagingResource CreateMessaging(InfrastructurePorts? saved)
    {
        var log = new ResourceLog(MessagingResource.ResourceName, LogDirectory, _console);
        if (_options.RabbitMqConnectionString is { } uri)
            return MessagingResource.External(uri, log, Announce);
        ArgumentNullException.ThrowIfNull(saved);
        return MessagingResource.Local(
            new RabbitMqServerOptions
            {
                BaseDirectory = Path.Combine(DataDirectory, "rabbitmq"),
                Port = saved.RabbitMq,
                DistributionPort = saved.RabbitMqDistribution,
                EpmdPort = saved.Epmd,
            },
            log, Announce);
    }

    private async Task StartResourcesAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        CheckBeforeStart();

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = new Dictionary<string, Task>();
        foreach (var resource in _resources)
            started[resource.Name] = StartWhenReadyAsync(resource, [.. resource.WaitFor.Select(name => started[name])], clock, failed);

        try
        {
            await Task.WhenAll(started.Values).ConfigureAwait(false);
        }
        catch
        {
            // Report the resource that failed first, not the ones cancelled because of it.
            var rootCause = started.Values.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .OfType<ResourceStartException>().FirstOrDefault();
            if (rootCause is not null)
            {
                Announce($"{rootCause.Message} Stopping what has started.");
                throw rootCause;
            }
            throw;
        }
        StartupTime = clock.Elapsed;
    }

    /// <summary>Fails fast, before anything starts, on what can be known up front: a taken fixed port, a missing build.</summary>
    private void CheckBeforeStart()
    {
        foreach (var project in _resources.OfType<ProjectResource>())
            if (!File.Exists(project.Project.AssemblyPath))
                throw new ResourceStartException(project.Name, $"its built assembly {project.Project.AssemblyPath} does not exist (build it: dotnet build Payouts.AppHost).");
        if (_options.GatewayPort != 0 && _resources.Any(r => r.Name == PlatformTopology.Gateway) && !FreePort.IsFree(_options.GatewayPort))
            throw new ResourceStartException(PlatformTopology.Gateway, $"port {_options.GatewayPort} on 127.0.0.1 is already in use (stop what uses it or pass --gateway-port <port>).");
    }

    private async Task StartWhenReadyAsync(PlatformResource resource, Task[] dependencies, Stopwatch clock, CancellationTokenSource failed)
    {
        await Task.WhenAll(dependencies).ConfigureAwait(false);
        failed.Token.ThrowIfCancellationRequested();
        Announce($"starting {resource.Name}");
        try
        {
            await resource.StartAsync(failed.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw e as ResourceStartException ?? new ResourceStartException(resource.Name, e.Message, e);
        }
        Announce($"{resource.Name} is healthy ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    private async Task StopResourcesAsync()
    {
        foreach (var resource in _resources) resource.StopSupervising();

        // Dependants first: the gateway, then the services, then RabbitMQ and PostgreSQL; one level at a time.
        var depth = new Dictionary<string, int>();
        foreach (var resource in _resources)
            depth[resource.Name] = resource.WaitFor.Select(name => depth[name] + 1).DefaultIfEmpty(0).Max();

        foreach (var level in _resources.GroupBy(r => depth[r.Name]).OrderByDescending(g => g.Key))
        {
            var stopping = level.Where(r => r.State is not (ResourceState.Waiting or ResourceState.Stopped) || r.ProcessIds.Count > 0).ToList();
            if (stopping.Count == 0) continue;
            Announce($"stopping {string.Join(", ", stopping.Select(r => r.Name))}");
            await Task.WhenAll(stopping.Select(StopQuietlyAsync)).ConfigureAwait(false);
        }
    }

    private async Task StopQuietlyAsync(PlatformResource resource)
    {
        try
        {
            await resource.StopAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Announce($"{resource.Name} did not stop cleanly: {e.Message}");
        }
    }
}
