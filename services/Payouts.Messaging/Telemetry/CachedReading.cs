using Microsoft.Extensions.Logging;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// A value from a slow source (the database, the broker) for observable instruments, which the exporter polls every
/// export interval (1 s in development). <see cref="Current"/> answers at once with the last reading and, when the last
/// attempt is older than the refresh interval, starts one read in the background: the source is read at most once per
/// interval, and only while something observes. A failed read drops the value, so the instrument reports nothing rather
/// than a number that is no longer true, and is logged once per outage, not once per attempt.
/// </summary>
public sealed class CachedReading<T> : IDisposable
    where T : class
{
    readonly Func<CancellationToken, Task<T>> _read;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly string _source;
    readonly long _intervalTicks;
    readonly CancellationTokenSource _stopping = new();

    T? _value;
    long _nextAttemptAt;
    int _refreshing;
    bool _failing;

    /// <param name="read">Reads the source; runs on the thread pool, one call at a time.</param>
    /// <param name="source">What is read, for the log (e.g. "outbox backlog of PayoutsDbContext").</param>
    public CachedReading(Func<CancellationToken, Task<T>> read, TimeSpan interval, TimeProvider time, ILogger logger, string source)
    {
        _read = read;
        _time = time;
        _logger = logger;
        _source = source;
        _intervalTicks = (long)(interval.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>The last successful reading, or null (none yet, or the last read failed).</summary>
    public T? Current()
    {
        if (_time.GetTimestamp() >= Volatile.Read(ref _nextAttemptAt) && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            Volatile.Write(ref _nextAttemptAt, _time.GetTimestamp() + _intervalTicks);
            // Off the caller's thread: the exporter's collection must not wait for a query or a connection attempt.
            _ = Task.Run(RefreshAsync);
        }

        return Volatile.Read(ref _value);
    }

    async Task RefreshAsync()
    {
        try
        {
            var value = await _read(_stopping.Token).ConfigureAwait(false);
            Volatile.Write(ref _value, value);
            if (_failing)
            {
                _failing = false;
                _logger.LogInformation("Metrics can read the {Source} again", _source);
            }
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Volatile.Write(ref _value, null);
            if (!_failing)
            {
                _failing = true;
                // Type and message only: the cause (broker down, database restarting) matters, its stack does not.
                _logger.LogWarning("Metrics cannot read the {Source} ({Error}); its gauges report nothing until it can",
                    _source, $"{exception.GetType().Name}: {exception.Message}");
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    /// <summary>Stops a read in flight. The source is not disposed: a read may still hold its token, and it owns no timer.</summary>
    public void Dispose() => _stopping.Cancel();
}
