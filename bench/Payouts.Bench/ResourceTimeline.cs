using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payouts.Bench;

/// <summary>
/// Where a start's time goes: for each resource replica, seconds from the start call to the first time the AppHost
/// reported it waiting (for what it waits for), its process started (DCP's own timestamp), Running, healthy, and
/// finished (one-shot migrations), from the application's resource notifications.
/// </summary>
public sealed class ResourceTimeline
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = [];
    private double? _ready;

    private sealed class Entry(string name)
    {
        public string Name { get; } = name;
        public double? Waiting { get; set; }
        public double? Started { get; set; }
        public double? Running { get; set; }
        public double? Healthy { get; set; }
        public double? Finished { get; set; }
        public int? ExitCode { get; set; }
    }

    private ResourceTimeline()
    {
    }

    public static ResourceTimeline Follow(DistributedApplication app)
    {
        var timeline = new ResourceTimeline();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in app.ResourceNotifications.WatchAsync())
                    timeline.Record(change);
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        return timeline;
    }

    /// <summary>The replica ids (<c>settlement-abcd1234</c> …) seen for a resource.</summary>
    public IReadOnlyList<string> ReplicaIds(string resource)
    {
        lock (_lock) return [.. _entries.Where(e => e.Value.Name == resource).Select(e => e.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every replica id seen, with its resource's name.</summary>
    public IReadOnlyList<(string Id, string Resource)> Replicas()
    {
        lock (_lock) return [.. _entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Name))];
    }

    public void MarkReady()
    {
        lock (_lock) _ready = _clock.Elapsed.TotalSeconds;
    }

    private void Record(ResourceEvent change)
    {
        var now = _clock.Elapsed.TotalSeconds;
        var state = change.Snapshot.State?.Text;
        lock (_lock)
        {
            if (!_entries.TryGetValue(change.ResourceId, out var entry)) _entries[change.ResourceId] = entry = new Entry(change.Resource.Name);
            if (state == KnownResourceStates.Waiting) entry.Waiting ??= now;
            if (change.Snapshot.StartTimeStamp is { } startedAt && entry.Started is null && entry.Finished is null)
                entry.Started = (startedAt.ToUniversalTime() - _started).TotalSeconds;
            if (state == KnownResourceStates.Running) entry.Running ??= now;
            if (state == KnownResourceStates.Running && change.Snapshot.HealthStatus == HealthStatus.Healthy) entry.Healthy ??= now;
            if ((state == KnownResourceStates.Finished || state == KnownResourceStates.Exited) && entry.Running is not null)
            {
                entry.Finished ??= now;
                entry.ExitCode ??= change.Snapshot.ExitCode;
            }
        }
    }

    /// <summary>One line per replica, in the order they started.</summary>
    public override string ToString()
    {
        static string S(double? seconds) => seconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture).PadLeft(7) : "      –";
        var text = new StringBuilder();
        lock (_lock)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {"resource",-36} {"waiting",7} {"started",7} {"running",7} {"healthy",7} {"finished",8}  (s from the start call)");
            foreach (var (id, e) in _entries.OrderBy(e => e.Value.Started ?? e.Value.Running ?? double.MaxValue).ThenBy(e => e.Key, StringComparer.Ordinal))
            {
                if (e.Started is null && e.Running is null) continue;
                var exit = e.ExitCode is { } code and not 0 ? $"  exit {code}" : "";
                text.AppendLine(CultureInfo.InvariantCulture, $"    {id,-36} {S(e.Waiting)} {S(e.Started)} {S(e.Running)} {S(e.Healthy)} {S(e.Finished),8}{exit}");
            }
            if (_ready is { } ready) text.AppendLine(CultureInfo.InvariantCulture, $"    every service healthy at {ready:0.0} s");
        }
        return text.ToString().TrimEnd();
    }
}
