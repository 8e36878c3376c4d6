using System.Diagnostics;
using Payouts.AppHost.Platform;

namespace Payouts.Bench;

/// <summary>
/// Seconds from starting the AppHost executable (already built) to its "Payouts is ready" line, i.e. every resource
/// healthy, on a fresh data folder: initdb, a new RabbitMQ node and all migrations included.
/// </summary>
public static class ColdStartBenchmark
{
    public static async Task<IReadOnlyList<double>> RunAsync(int runs, int settlementReplicas)
    {
        var appHost = typeof(PayoutsPlatform).Assembly.Location;
        var results = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-bench", Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var seconds = await MeasureOnceAsync(appHost, dataDirectory, settlementReplicas);
                Console.WriteLine($"  cold start {run}: {seconds:0.0} s");
                results.Add(seconds);
            }
            finally
            {
                try { Directory.Delete(dataDirectory, recursive: true); }
                catch (IOException) { }
            }
        }
        return results;
    }

    private static async Task<double> MeasureOnceAsync(string appHost, string dataDirectory, int settlementReplicas)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { appHost, "--gateway-port", "0", "--data-dir", dataDirectory, "--ephemeral", "--no-color", "--settlement-replicas", settlementReplicas.ToString() })
            info.ArgumentList.Add(arg);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("the AppHost did not start");
        var ready = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastLines = new Queue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (lastLines)
            {
                lastLines.Enqueue(e.Data);
                if (lastLines.Count > 20) lastLines.Dequeue();
            }
            if (e.Data.StartsWith("Payouts is ready", StringComparison.Ordinal)) ready.TrySetResult(clock.Elapsed.TotalSeconds);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  apphost: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        if (finished != ready.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            lock (lastLines) throw new InvalidOperationException($"the platform did not become ready:{Environment.NewLine}{string.Join(Environment.NewLine, lastLines)}");
        }

        // A clean stop, as Ctrl+C would do it, so nothing is left running between runs.
        Process.Start("kill", ["-TERM", process.Id.ToString()]).WaitForExit();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return await ready.Task;
    }
}
