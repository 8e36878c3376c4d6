using System.Diagnostics;

namespace Payouts.AppHost.Hosting;

/// <summary>
/// One operating-system process started for a resource: its output goes line by line to a sink, and stopping it
/// signals it first and kills whatever is left of its process tree after a grace period, so nothing is orphaned.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // Variables that belong to the orchestrator itself and must not leak into the children (ASPIRE-CONTRACT.md).
    private static readonly string[] NotInherited =
        ["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "DOTNET_LAUNCH_PROFILE", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS"];

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _stopSignal;

    private ChildProcess(Process process, int stopSignal)
    {
        _process = process;
        _stopSignal = stopSignal;
    }

    public int Pid => _process.Id;

    /// <summary>Completes with the exit code when the process ends, however it ends.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    public static ChildProcess Start(ChildProcessSpec spec, Action<string, bool> onOutputLine)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };

        // setsid and setpriv both replace themselves with the next program (no intermediate process: our child is
        // not a process-group leader, so setsid need not fork), so the pid we hold is the server's and signals reach it.
        var command = new List<string>();
        if (spec.OwnSession) command.Add("setsid");
        if (spec.RunAsUser is { } user && PosixSignals.IsRoot)
            command.AddRange(["setpriv", $"--reuid={user}", $"--regid={user}", "--init-groups", "--"]);
        command.Add(spec.FileName);
        command.AddRange(spec.Arguments);

        info.FileName = command[0];
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);

        foreach (var name in NotInherited) info.Environment.Remove(name);
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, spec.StopSignal);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutputLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onOutputLine(e.Data, true); };
        process.Exited += (_, _) =>
        {
            // WaitForExit() without a timeout also drains the redirected output before we report the exit.
            process.WaitForExit();
            child._exited.TrySetResult(process.ExitCode);
        };

        if (!process.Start())
            throw new InvalidOperationException($"{spec.FileName} did not start.");
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks the process to stop with its stop signal, waits up to <paramref name="grace"/>, then kills its whole tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            KillOrphans(ProcessTree.DescendantsOf(Pid));
            return;
        }

        var descendants = ProcessTree.DescendantsOf(Pid);
        PosixSignals.Send(Pid, _stopSignal);
        await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false);
        if (!HasExited)
        {
            descendants = [.. descendants, .. ProcessTree.DescendantsOf(Pid)];
            PosixSignals.Send(Pid, PosixSignals.SigKill);
            await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
        KillOrphans(descendants);
    }

    /// <summary>Kills the process and its tree at once, as a crash would (used to test restarts).</summary>
    public async Task KillAsync()
    {
        var descendants = ProcessTree.DescendantsOf(Pid);
        PosixSignals.Send(Pid, PosixSignals.SigKill);
        await Task.WhenAny(Exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        KillOrphans(descendants);
    }

    private static void KillOrphans(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
            if (PosixSignals.IsAlive(pid)) PosixSignals.Send(pid, PosixSignals.SigKill);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }
}
