using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Payouts.Hosting;

namespace Payouts.Bench;

/// <summary>
/// Seconds from starting the AppHost executable (already built: the bench's build builds it) to its "Payouts is ready"
/// line, i.e. every service healthy, on a fresh data folder: initdb, a new RabbitMQ node and all migrations included;
/// then SIGTERM, as Ctrl+C would do it, and a check that the AppHost exits and leaves no process of that folder behind.
/// </summary>
public static class ColdStartBenchmark
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    /// <summary>One run: the ready time, how long the stop took, how long after the AppHost's exit its last process of the data folder was gone, and the AppHost's output with the second it came.</summary>
    public sealed record Run(double ReadySeconds, double StopSeconds, int ExitCode, double CleanSeconds, IReadOnlyList<(double Seconds, string Line)> Output);

    /// <summary>The AppHost as <c>scripts/run.sh</c> runs it: its own build output, in the configuration the bench was built in.</summary>
    public static string AppHostAssembly()
    {
        var configuration = typeof(Projects.Payouts_AppHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        // Same target framework as the bench (Directory.Build.props): the name of the bench's own output folder.
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var path = Path.Combine(Projects.Payouts_AppHost.ProjectPath, "bin", configuration, targetFramework, "Payouts.AppHost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The AppHost is not built at {path} (build bench/Payouts.Bench, which builds it).", path);
    }

    public static async Task<IReadOnlyList<Run>> RunAsync(int runs, int settlementReplicas)
    {
        var appHost = AppHostAssembly();
        var results = new List<Run>();
        for (var run = 1; run <= runs; run++)
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-bench", Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var result = await MeasureOnceAsync(appHost, dataDirectory, settlementReplicas);
                Console.WriteLine($"  cold start {run}: {result.ReadySeconds:0.0} s (SIGTERM → exit {result.StopSeconds:0.0} s, exit code {result.ExitCode}; last process of its folder gone {result.CleanSeconds:0.0} s later)");
                results.Add(result);
            }
            finally
            {
                try { Directory.Delete(dataDirectory, recursive: true); }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
        }
        return results;
    }

    private static async Task<Run> MeasureOnceAsync(string appHost, string dataDirectory, int settlementReplicas)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appHost)!,
        };
        foreach (var arg in new[] { appHost, "--data-dir", dataDirectory, "--gateway-port", "0", "--console-port", "0", "--ephemeral", "true",
                     "--settlement-replicas", settlementReplicas.ToString(CultureInfo.InvariantCulture),
                     "--start-timeout", ((int)BenchPlatform.StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(arg);
        // The dashboard takes free ports too, so a run never collides with a platform someone else runs on 18888.
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("the AppHost did not start");
        var ready = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<(double, string)>();
        void Keep(string? line, bool error)
        {
            if (line is null) return;
            var at = clock.Elapsed.TotalSeconds;
            lock (output) output.Add((at, error ? "[stderr] " + line : line));
            if (!error && line.StartsWith("Payouts is ready", StringComparison.Ordinal)) ready.TrySetResult(at);
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, error: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(BenchPlatform.StartTimeout + TimeSpan.FromSeconds(30)));
        if (finished != ready.Task)
        {
            if (!process.HasExited)
            {
                Signal(process, "TERM");
                if (!process.WaitForExit(StopTimeout)) process.Kill(entireProcessTree: true);
            }
            lock (output)
                throw new InvalidOperationException($"the platform did not become ready:{Environment.NewLine}{string.Join(Environment.NewLine, output.TakeLast(30).Select(l => l.Item2))}");
        }

        // A clean stop, as Ctrl+C would do it, so nothing is left running between runs.
        var stopping = clock.Elapsed.TotalSeconds;
        Signal(process, "TERM");
        try
        {
            await process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the AppHost did not exit within {StopTimeout.TotalSeconds:0} s of SIGTERM (killed).");
        }
        var stopSeconds = clock.Elapsed.TotalSeconds - stopping;
        var cleanSeconds = await LeftBehindCheckAsync(dataDirectory);
        var readySeconds = await ready.Task;
        lock (output) return new Run(readySeconds, stopSeconds, process.ExitCode, cleanSeconds, [.. output]);
    }

    private static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>PostgreSQL, RabbitMQ (beam, epmd) and the services all name the data folder or run from it: none may outlive the AppHost.</summary>
    private static async Task<double> LeftBehindCheckAsync(string dataDirectory)
    {
        var clock = Stopwatch.StartNew();
        // DCP's monitor stops what is left once the AppHost has exited, a few seconds later on a busy machine.
        for (var attempt = 0; ; attempt++)
        {
            var left = ProcessesMentioning(dataDirectory);
            if (left.Count == 0) return clock.Elapsed.TotalSeconds;
            if (attempt >= 60)
                throw new InvalidOperationException($"processes of {dataDirectory} outlived the AppHost:{Environment.NewLine}{string.Join(Environment.NewLine, left)}");
            await Task.Delay(500);
        }
    }

    public static IReadOnlyList<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.Contains(text, StringComparison.Ordinal)) found.Add($"{pid} {commandLine}");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
