using Payouts.AppHost.Hosting;

namespace Payouts.AppHost.Resources;

/// <summary>What a project replica is started with, decided once the resources it waits for are up.</summary>
public delegate IReadOnlyDictionary<string, string?> ReplicaEnvironment(string replicaId, Uri endpoint);

/// <summary>
/// A .NET project of the platform run as one or more replicas of its built assembly, each on its own loopback port.
/// Ports are chosen up front so every resource's service-discovery entries are known before anything starts.
/// </summary>
public sealed class ProjectResource : PlatformResource, IDisposable
{
    private readonly ReplicaEnvironment _environment;
    private readonly string? _logDirectory;
    private readonly ConsoleOutput? _console;
    private readonly Action<string> _announce;
    private readonly ProjectResourceSettings _settings;
    private ProjectReplica[] _replicas = [];

    public ProjectResource(
        string name,
        IReadOnlyList<string> waitFor,
        BuiltProject project,
        IReadOnlyList<int> ports,
        ReplicaEnvironment environment,
        ProjectResourceSettings settings,
        string? logDirectory,
        ConsoleOutput? console,
        Action<string> announce)
        : base(name, waitFor)
    {
        Project = project;
        Endpoints = [.. ports.Select(port => new Uri($"http://127.0.0.1:{port}"))];
        _environment = environment;
        _settings = settings;
        _logDirectory = logDirectory;
        _console = console;
        _announce = announce;
    }

    public BuiltProject Project { get; }

    /// <summary>One endpoint per replica, in replica order.</summary>
    public IReadOnlyList<Uri> Endpoints { get; }

    public IReadOnlyList<ProjectReplica> Replicas => _replicas;

    public override ResourceState State
    {
        get
        {
            var replicas = _replicas;
            if (replicas.Length == 0) return ResourceState.Waiting;
            var states = replicas.Select(r => r.State).ToHashSet();
            if (states.Count == 1) return states.First();
            // The least advanced replica speaks for the resource.
            foreach (var state in (ResourceState[])[ResourceState.Failed, ResourceState.Restarting, ResourceState.Unhealthy, ResourceState.Starting, ResourceState.Stopping, ResourceState.Stopped])
                if (states.Contains(state)) return state;
            return ResourceState.Waiting;
        }
    }

    public override IReadOnlyList<int> ProcessIds =>
        [.. _replicas.Select(r => r.ProcessId).OfType<int>()];

    public override IReadOnlyList<int> StartedProcessIds => [.. _replicas.SelectMany(r => r.StartedProcessIds)];

    public static string ReplicaId(string resourceName, int index) => $"{resourceName}-{index + 1}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Project.AssemblyPath))
            throw new ResourceStartException(Name, $"its built assembly {Project.AssemblyPath} does not exist (build it: dotnet build Payouts.AppHost).");

        _replicas = [.. Endpoints.Select((endpoint, index) => CreateReplica(index, endpoint))];
        await Task.WhenAll(_replicas.Select(r => r.StartAsync(_settings.StartTimeout, cancellationToken))).ConfigureAwait(false);
    }

    public override void StopSupervising()
    {
        foreach (var replica in _replicas) replica.StopSupervising();
    }

    public override async Task StopAsync()
    {
        await Task.WhenAll(_replicas.Select(r => r.StopAsync())).ConfigureAwait(false);
    }

    private ProjectReplica CreateReplica(int index, Uri endpoint)
    {
        var id = ReplicaId(Name, index);
        var spec = new ChildProcessSpec(
            DotnetHost.Path,
            [Project.AssemblyPath],
            Project.ProjectDirectory,
            _environment(id, endpoint),
            OwnSession: true);
        return new ProjectReplica(id, index, endpoint, spec, new ResourceLog(id, _logDirectory, _console), _announce, _settings.MaxStartAttempts);
    }

    public void Dispose()
    {
        foreach (var replica in _replicas) replica.Dispose();
    }
}

/// <summary>How patient to be with a project that is starting.</summary>
public sealed record ProjectResourceSettings(TimeSpan StartTimeout, int MaxStartAttempts);
