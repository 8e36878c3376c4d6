using Payouts.AppHost.Hosting;

namespace Payouts.AppHost.Resources;

/// <summary>
/// An infrastructure server (PostgreSQL, RabbitMQ): either started by us from local binaries, and then restarted with
/// back-off if it dies, or one the user already runs, which we only wait for.
/// </summary>
public abstract class ServerResource : PlatformResource, IDisposable
{
    private static readonly TimeSpan ExternalTimeout = TimeSpan.FromSeconds(60);

    private readonly Action<string> _announce;
    private readonly CancellationTokenSource _stopping = new();
    private readonly RestartBackoff _backoff = new();
    private readonly List<int> _startedPids = [];
    private readonly Lock _lock = new();
    private Task? _watch;
    private TaskCompletionSource<RestartRequest> _restartRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _restarts;
    private volatile ResourceState _state = ResourceState.Waiting;

    protected ServerResource(string name, bool isExternal, ResourceLog log, Action<string> announce)
        : base(name, [])
    {
        IsExternal = isExternal;
        Log = log;
        _announce = announce;
    }

    /// <summary>True when the user passed a connection string instead of letting us run the server.</summary>
    public bool IsExternal { get; }

    public ResourceLog Log { get; }

    public override ResourceState State => _state;

    public override IReadOnlyList<int> ProcessIds => [.. RunningProcesses().Where(p => !p.HasExited).Select(p => p.Pid)];

    public override IReadOnlyList<int> StartedProcessIds
    {
        get { lock (_lock) return [.. _startedPids]; }
    }

    /// <summary>Starts our own server and returns when it accepts connections.</summary>
    protected abstract Task LaunchAsync(CancellationToken cancellationToken);

    protected abstract Task ShutdownAsync();

    /// <summary>The processes we run for this server (none when external).</summary>
    protected abstract IEnumerable<ChildProcess> RunningProcesses();

    /// <summary>The process whose exit means the server is down.</summary>
    protected abstract ChildProcess? MainProcess { get; }

    protected abstract Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>What to do once it is up (create databases …).</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _state = ResourceState.Starting;
        try
        {
            if (IsExternal) await WaitUntilReachableAsync(cancellationToken).ConfigureAwait(false);
            else await LaunchAndRecordAsync(cancellationToken).ConfigureAwait(false);
            await PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException and not ResourceStartException)
        {
            _state = ResourceState.Failed;
            throw new ResourceStartException(Name, e.Message, e);
        }
        _state = ResourceState.Healthy;
        if (!IsExternal) _watch = Task.Run(WatchAsync, CancellationToken.None);
    }

    public override void StopSupervising() => _stopping.Cancel();

    /// <summary>
    /// Stops our server cleanly and starts it again on the same ports and data after <paramref name="downtime"/>, as
    /// an operator's restart would; completes once it accepts connections again. The supervisor does it, so a restart
    /// and a crash restart never run at once.
    /// </summary>
    public Task RestartAsync(TimeSpan downtime)
    {
        if (IsExternal)
            throw new InvalidOperationException($"{Name} is the user's server, not one the AppHost runs: it cannot be restarted from here.");
        var request = new RestartRequest(downtime, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            if (_watch is null || _state is not ResourceState.Healthy)
                throw new InvalidOperationException($"{Name} is not running healthy (state {_state}).");
            if (!_restartRequest.TrySetResult(request))
                throw new InvalidOperationException($"A restart of {Name} is already under way.");
        }
        return request.Done.Task;
    }

    public override async Task StopAsync()
    {
        if (_state is ResourceState.Stopped) return;
        _state = ResourceState.Stopping;
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_watch is not null) await _watch.ConfigureAwait(false);
        if (!IsExternal) await ShutdownAsync().ConfigureAwait(false);
        _state = ResourceState.Stopped;
    }

    private async Task LaunchAndRecordAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LaunchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_lock) _startedPids.AddRange(RunningProcesses().Select(p => p.Pid).Except(_startedPids));
        }
    }

    private async Task WaitUntilReachableAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ExternalTimeout;
        var failures = 0;
        while (!await IsReachableAsync(cancellationToken).ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
                throw new ResourceStartException(Name, $"the server given on the command line was not reachable within {ExternalTimeout.TotalSeconds:0} s.{Log.Tail(1)}");
            failures++;
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, failures)), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Restarts the server when its process exits while we are not stopping, or when a restart is asked for.</summary>
    private async Task WatchAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var process = MainProcess;
            if (process is null) return;
            var upSince = DateTime.UtcNow;
            Task<RestartRequest> requested;
            lock (_lock) requested = _restartRequest.Task;
            await Task.WhenAny(process.Exited, requested, Task.Delay(Timeout.Infinite, token)).ConfigureAwait(false);
            var asked = requested.IsCompleted ? requested.Result : null;
            if (token.IsCancellationRequested)
            {
                asked?.Done.TrySetCanceled(token);
                return;
            }

            if (asked is not null)
            {
                _state = ResourceState.Restarting;
                _announce($"{Name}: restart asked; stopping it, starting again in {asked.Downtime.TotalSeconds:0.#} s");
                await ShutdownAsync().ConfigureAwait(false);
            }
            else if (DateTime.UtcNow - upSince >= RestartBackoff.StableAfter)
            {
                _backoff.Reset();
            }

            var attempt = 0;
            while (!token.IsCancellationRequested)
            {
                _state = ResourceState.Restarting;
                TimeSpan delay;
                if (asked is not null && attempt == 0)
                {
                    delay = asked.Downtime;
                }
                else
                {
                    delay = _backoff.Next();
                    _restarts++;
                    _announce(attempt == 0
                        ? $"{Name} exited with code {process.Exited.Result}; restarting in {delay.TotalSeconds:0} s (restart {_restarts})"
                        : $"{Name}: trying again in {delay.TotalSeconds:0} s (restart {_restarts})");
                }
                attempt++;
                try
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                    await ShutdownAsync().ConfigureAwait(false); // whatever is left of the old instance (epmd, backends)
                    await LaunchAndRecordAsync(token).ConfigureAwait(false);
                    lock (_lock)
                    {
                        _state = ResourceState.Healthy;
                        if (asked is not null) _restartRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }
                    _announce($"{Name} is healthy again");
                    asked?.Done.TrySetResult();
                    break;
                }
                catch (OperationCanceledException)
                {
                    asked?.Done.TrySetCanceled(token);
                    return;
                }
                catch (Exception e)
                {
                    _announce($"{Name} did not come back: {e.Message}");
                }
            }
        }
    }

    private sealed record RestartRequest(TimeSpan Downtime, TaskCompletionSource Done);

    public void Dispose()
    {
        _stopping.Dispose();
        Log.Dispose();
    }
}
