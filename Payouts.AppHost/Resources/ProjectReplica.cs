using Payouts.AppHost.Hosting;

namespace Payouts.AppHost.Resources;

/// <summary>
/// One process of a project resource (<c>payouts-1</c>): starts <c>dotnet &lt;dll&gt;</c> on its own port, tracks its health
/// like Aspire (while unhealthy every 1 s × failures, capped at 5 s; while healthy every 30 s) and restarts it with
/// back-off when it exits unexpectedly.
/// </summary>
public sealed class ProjectReplica : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WhileHealthy = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxWhileUnhealthy = TimeSpan.FromSeconds(5);
    // While nothing listens yet the process is still starting, not unhealthy: look often so dependants start promptly.
    private static readonly TimeSpan WhileNotListening = TimeSpan.FromMilliseconds(200);

    private readonly ChildProcessSpec _spec;
    private readonly ResourceLog _log;
    private readonly Action<string> _announce;
    private readonly int _maxStartAttempts;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstHealthy = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RestartBackoff _backoff = new();
    private readonly List<int> _startedPids = [];
    private readonly Lock _lock = new();
    private ChildProcess? _process;
    private ChildProcess? _killed;
    private Task? _supervision;
    private string _lastHealth = "not checked yet";
    private volatile ResourceState _state = ResourceState.Waiting;

    public ProjectReplica(string id, int index, Uri endpoint, ChildProcessSpec spec, ResourceLog log, Action<string> announce, int maxStartAttempts)
    {
        Id = id;
        Index = index;
        Endpoint = endpoint;
        _spec = spec;
        _log = log;
        _announce = announce;
        _maxStartAttempts = maxStartAttempts;
    }

    /// <summary>Replica id, also its <c>service.instance.id</c>: <c>payouts-1</c>, <c>settlement-2</c>.</summary>
    public string Id { get; }

    public int Index { get; }

    public Uri Endpoint { get; }

    public ResourceState State => _state;

    public int RestartCount { get; private set; }

    public IReadOnlyDictionary<string, string?> Environment => _spec.Environment;

    public ResourceLog Log => _log;

    public int? ProcessId
    {
        get { lock (_lock) return _process is { HasExited: false } p ? p.Pid : null; }
    }

    public IReadOnlyList<int> StartedProcessIds
    {
        get { lock (_lock) return [.. _startedPids]; }
    }

    /// <summary>Starts supervising; completes when the replica is first healthy, throws when it cannot get there.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _supervision ??= Task.Run(SuperviseAsync, CancellationToken.None);
        try
        {
            await _firstHealthy.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new ResourceStartException(Id, $"not healthy within {timeout.TotalSeconds:0} s ({_lastHealth}).{_log.Tail(10)}");
        }
    }

    /// <summary>Kills the process outright, as a crash would; the supervisor notices and restarts it.</summary>
    public async Task KillAsync()
    {
        ChildProcess? process;
        lock (_lock) process = _process;
        if (process is null) return;
        // Before the kill, so a caller waiting for health right after never sees the old state, and a health check
        // already under way cannot report the dying process healthy.
        _killed = process;
        _state = ResourceState.Restarting;
        await process.KillAsync().ConfigureAwait(false);
    }

    public void StopSupervising() => _stopping.Cancel();

    public async Task StopAsync()
    {
        _state = ResourceState.Stopping;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _firstHealthy.TrySetCanceled();
        // Supervision ends promptly once cancelled; only then is the process we stop surely the last one it started.
        if (_supervision is not null) await _supervision.ConfigureAwait(false);
        ChildProcess? process;
        lock (_lock) process = _process;
        if (process is not null) await process.StopAsync(StopGrace).ConfigureAwait(false);
        _state = ResourceState.Stopped;
    }

    private async Task SuperviseAsync()
    {
        var token = _stopping.Token;
        var failedStarts = 0;
        while (!token.IsCancellationRequested)
        {
            ChildProcess process;
            try
            {
                process = ChildProcess.Start(_spec, (line, isError) => _log.Write(line, isError));
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                Fail($"{_spec.FileName} could not be started: {e.Message}");
                return;
            }
            lock (_lock)
            {
                _process = process;
                _startedPids.Add(process.Pid);
            }
            _state = ResourceState.Starting;

            var healthySince = await MonitorUntilExitAsync(process, token).ConfigureAwait(false);
            if (token.IsCancellationRequested) return;

            var exitCode = await process.Exited.ConfigureAwait(false);
            if (!_firstHealthy.Task.IsCompleted)
            {
                failedStarts++;
                if (failedStarts >= _maxStartAttempts)
                {
                    Fail($"exited with code {exitCode} before becoming healthy, {failedStarts} times.{_log.Explain()}");
                    return;
                }
            }
            if (healthySince is { } since && DateTime.UtcNow - since >= RestartBackoff.StableAfter) _backoff.Reset();

            var delay = _backoff.Next();
            RestartCount++;
            _state = ResourceState.Restarting;
            _announce($"{Id} exited with code {exitCode}; restarting in {delay.TotalSeconds:0} s (restart {RestartCount})");
            try { await Task.Delay(delay, token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Checks health until the process exits or we are stopping; returns when it last became healthy, if it did.</summary>
    private async Task<DateTime?> MonitorUntilExitAsync(ChildProcess process, CancellationToken token)
    {
        DateTime? healthySince = null;
        var failures = 0;
        while (!token.IsCancellationRequested && !process.HasExited)
        {
            HealthResult result;
            try { result = await HealthProbe.CheckAsync(Endpoint, token).ConfigureAwait(false); }
            catch (OperationCanceledException) { break; }
            if (process.HasExited || ReferenceEquals(process, _killed)) break;
            _lastHealth = result.Description;

            TimeSpan next;
            switch (result.Status)
            {
                case HealthStatus.Healthy:
                    failures = 0;
                    if (_state != ResourceState.Healthy)
                    {
                        healthySince = DateTime.UtcNow;
                        _state = ResourceState.Healthy;
                        if (!_firstHealthy.TrySetResult()) _announce($"{Id} is healthy again");
                    }
                    next = WhileHealthy;
                    break;
                case HealthStatus.NotListening when _state == ResourceState.Starting:
                    next = WhileNotListening;
                    break;
                default:
                    failures++;
                    if (_state == ResourceState.Healthy)
                    {
                        _state = ResourceState.Unhealthy;
                        _announce($"{Id} is unhealthy: {result.Description}");
                    }
                    next = TimeSpan.FromTicks(Math.Min(MaxWhileUnhealthy.Ticks, TimeSpan.FromSeconds(1).Ticks * failures));
                    break;
            }

            await Task.WhenAny(process.Exited, Task.Delay(next, token)).ConfigureAwait(false);
        }
        return healthySince;
    }

    private void Fail(string reason)
    {
        _state = ResourceState.Failed;
        _firstHealthy.TrySetException(new ResourceStartException(Id, reason));
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _log.Dispose();
    }
}
