using System.Diagnostics;
using System.Text;
using Payouts.Hosting;
using Payouts.Testing;

namespace Payouts.SystemTests.Support;

/// <summary>
/// The built AppHost run as a user runs it (<c>dotnet Payouts.AppHost.dll …</c>), with its output captured and a marker
/// in its environment that every process it starts inherits. Its dashboard listens on free ports, so it never meets
/// another AppHost on this machine.
/// </summary>
internal sealed class AppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public string Error { get { lock (_error) return _error.ToString(); } }

    public static AppHostProcess Start(string marker, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppHostAssembly());
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment[MarkedProcesses.VariableName] = marker;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        info.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";

        var appHost = new AppHostProcess(new Process { StartInfo = info });
        appHost._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (appHost._output) appHost._output.AppendLine(e.Data);
            if (e.Data.StartsWith("Payouts is ready", StringComparison.Ordinal)) appHost._ready.TrySetResult();
        };
        appHost._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (appHost._error) appHost._error.AppendLine(e.Data);
        };
        appHost._process.Start();
        appHost._process.BeginOutputReadLine();
        appHost._process.BeginErrorReadLine();
        return appHost;
    }

    /// <summary>Completes when the AppHost prints its ready line; fails if it exits first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(timeout));
        if (first != _ready.Task)
            throw new InvalidOperationException($"the AppHost was not ready ({(first == exited ? $"exited with {_process.ExitCode}" : "timed out")}):\n{Error}\n{Output[^Math.Min(Output.Length, 4000)..]}");
    }

    /// <summary>Runs the AppHost to completion and returns its standard output (for commands such as <c>token</c>).</summary>
    public static async Task<string> RunAsync(params string[] args)
    {
        using var appHost = Start(MarkedProcesses.NewMarker(), args);
        var exitCode = await appHost.WaitForExitAsync(TimeSpan.FromMinutes(1));
        if (exitCode != 0) throw new InvalidOperationException($"the AppHost exited with {exitCode}: {appHost.Error}");
        return appHost.Output;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        _process.WaitForExit(); // also drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>The AppHost's own build output (built with the tests, in the same configuration).</summary>
    private static string AppHostAssembly() => BuiltProject.For("Payouts.AppHost").AssemblyPath;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
