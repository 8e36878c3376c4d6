using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Payouts.Bench;

/// <summary>
/// CPU time, read from <c>/proc</c> at one moment: of each running resource (PostgreSQL, RabbitMQ, every service replica),
/// each with every process under the one DCP started (<c>dotnet run</c> and the service, the postmaster and its backends,
/// the broker's Erlang VM), of the bench process itself (the in-process AppHost and the bench's clients), and of the whole
/// machine. Two samples give where a timed part's CPU went; what is left of the machine's is DCP and other work.
/// </summary>
public sealed class ResourceCpu
{
    // USER_HZ, the unit of /proc's CPU times: 100 on Linux whatever the kernel's own tick rate.
    private const double TicksPerSecond = 100;

    private readonly Dictionary<string, (double Seconds, int Replicas)> _resources;
    private readonly double _bench;
    private readonly double _machine;
    private readonly long _taken;

    private ResourceCpu(Dictionary<string, (double, int)> resources, double bench, double machine)
    {
        _resources = resources;
        _bench = bench;
        _machine = machine;
        _taken = Stopwatch.GetTimestamp();
    }

    public static ResourceCpu Sample(BenchPlatform platform)
    {
        var processes = ReadProcesses();
        var children = processes.ToLookup(p => p.Value.Parent, p => p.Key);
        var resources = new Dictionary<string, (double, int)>(StringComparer.Ordinal);
        foreach (var (id, resource) in platform.Timeline.Replicas())
        {
            if (!platform.App.ResourceNotifications.TryGetCurrentState(id, out var current)
                || current.Snapshot.State?.Text != KnownResourceStates.Running
                || ProcessId(current) is not { } pid
                || !processes.ContainsKey(pid)) continue;
            var (seconds, replicas) = resources.GetValueOrDefault(resource);
            resources[resource] = (seconds + TreeSeconds(processes, children, pid), replicas + 1);
        }
        using var bench = Process.GetCurrentProcess();
        return new ResourceCpu(resources, bench.TotalProcessorTime.TotalSeconds, MachineBusySeconds());
    }

    public const string BenchProcess = "bench process (in-process AppHost, clients)";
    public const string RestOfMachine = "rest of the machine (DCP, other work)";
    public const string Machine = "machine, all cores";

    /// <summary>
    /// The CPU seconds used between <paramref name="start"/> and this sample: per resource (replicas summed), most first,
    /// then the bench process, the rest of the machine, and the machine in all.
    /// </summary>
    public IReadOnlyList<(string Name, double Seconds)> SecondsSince(ResourceCpu start)
    {
        var used = _resources
            .Select(r => (Name: r.Value.Replicas > 1 ? $"{r.Key} (×{r.Value.Replicas})" : r.Key, Seconds: r.Value.Seconds - start.SecondsOf(r.Key)))
            .OrderByDescending(r => r.Seconds)
            .ToList();
        var platform = used.Sum(r => r.Seconds);
        var bench = _bench - start._bench;
        var machine = _machine - start._machine;
        return [.. used, (BenchProcess, bench), (RestOfMachine, machine - platform - bench), (Machine, machine)];
    }

    /// <summary>A table of the CPU seconds used between <paramref name="start"/> and this sample, per resource and in all.</summary>
    public string Since(ResourceCpu start)
    {
        var wall = Stopwatch.GetElapsedTime(start._taken, _taken).TotalSeconds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"    CPU over {wall:0.0} s ({Environment.ProcessorCount} cores: {wall * Environment.ProcessorCount:0.0} CPU-s available); % is of one core");
        foreach (var (name, seconds) in SecondsSince(start))
            text.AppendLine(CultureInfo.InvariantCulture, $"    {name,-44} {seconds,7:0.00} s {100 * seconds / wall,5:0}%");
        return text.ToString().TrimEnd();
    }

    private double SecondsOf(string resource) => _resources.GetValueOrDefault(resource).Seconds;

    /// <summary>The process DCP started for a resource instance.</summary>
    private static int? ProcessId(ResourceEvent instance) =>
        instance.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int pid => pid,
            long pid => (int)pid,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var pid) => pid,
            _ => null,
        };

    private sealed record ProcessTimes(int Parent, double Seconds);

    /// <summary>
    /// Every process's parent and CPU seconds: its own (utime + stime) and its ended children's it has waited for
    /// (cutime + cstime), so a PostgreSQL backend that ended in the window still counts, under its postmaster.
    /// </summary>
    private static Dictionary<int, ProcessTimes> ReadProcesses()
    {
        var processes = new Dictionary<int, ProcessTimes>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // After "pid (command) ": field 3 (state) is index 0, so field n is index n - 3.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
                processes[pid] = new ProcessTimes(int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // Ended while being read.
            }
        }
        return processes;
    }

    private static double TreeSeconds(Dictionary<int, ProcessTimes> processes, ILookup<int, int> children, int root)
    {
        var seconds = 0.0;
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            seconds += processes[pid].Seconds;
            foreach (var child in children[pid]) pending.Enqueue(child);
        }
        return seconds;
    }

    /// <summary>Busy CPU seconds of all cores since boot: the first line of <c>/proc/stat</c> without idle and iowait.</summary>
    private static double MachineBusySeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // cpu user nice system idle iowait irq softirq steal (guest time is already in user).
        var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return busy / TicksPerSecond;
    }
}
