namespace Payouts.SystemTests.Support;

/// <summary>
/// Finds running processes by an environment variable the test gave them (children inherit it), so processes left
/// behind by a run that failed are found even after it has exited and they have been re-parented.
/// </summary>
internal static class MarkedProcesses
{
    public const string VariableName = "PAYOUTS_SYSTEM_TEST_RUN";

    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>The marked processes, as "pid (command line)"; zombies (dead, not yet reaped) are not counted.</summary>
    public static IReadOnlyList<string> Find(string marker) => [.. FindIds(marker).Select(p => $"{p.Pid} ({p.CommandLine})")];

    /// <summary>
    /// Waits up to <paramref name="bound"/> for the marked processes to be gone (a process being stopped takes a moment
    /// to exit) and returns those still there.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WaitUntilNoneAsync(string marker, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var left = Find(marker);
            if (left.Count == 0 || DateTime.UtcNow > deadline) return left;
            await Task.Delay(250);
        }
    }

    /// <summary>Kills whatever a failed test left, so one failure does not leave servers running.</summary>
    public static void Kill(string marker)
    {
        foreach (var (pid, _) in FindIds(marker))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException) { }
            catch (InvalidOperationException) { }
            catch (System.ComponentModel.Win32Exception) { }
        }
    }

    private static List<(int Pid, string CommandLine)> FindIds(string marker)
    {
        var needle = $"{VariableName}={marker}";
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (!environment.Contains(needle) || IsZombie(dir)) continue;
                found.Add((pid, File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim()));
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    private static bool IsZombie(string dir)
    {
        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
        return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
    }
}
