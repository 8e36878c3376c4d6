using System.Diagnostics;
using System.Globalization;

namespace Payouts.Testing;

/// <summary>
/// Removes what an earlier test run left when it was killed outright (SIGKILL skips fixture disposal): for each
/// folder under the tests' temp root whose owning test process is gone, stops every process started for it
/// (postgres, beam, epmd — found by the folder's path in their command line or environment) and deletes the folder.
/// </summary>
public static class StaleTestServers
{
    private static readonly Lazy<int> Reaped = new(ReapOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "payouts-tests");

    /// <summary>Reaps at most once per test process; returns how many stale folders were removed.</summary>
    public static int Reap() => Reaped.Value;

    private static int ReapOnce()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(Root)) return 0;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (!IsStale(folder)) continue;
            foreach (var pid in ProcessesMentioning(folder))
            {
                try { Process.GetProcessById(pid).Kill(); }
                catch (ArgumentException) { /* already gone */ }
                catch (InvalidOperationException) { }
            }

            try
            {
                Directory.Delete(folder, recursive: true);
                removed++;
            }
            catch (IOException) { /* a process still exiting holds a file; the next run retries */ }
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    /// <summary>Folders are named "&lt;owner pid&gt;-&lt;random&gt;"; the folder is stale when that process no longer exists.</summary>
    private static bool IsStale(string folder)
    {
        var name = Path.GetFileName(folder);
        var dash = name.IndexOf('-');
        if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var owner)) return false;
        return owner != Environment.ProcessId && !Directory.Exists($"/proc/{owner}");
    }

    private static IEnumerable<int> ProcessesMentioning(string folder)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (pid == Environment.ProcessId) continue;
            if (Mentions(Path.Combine(dir, "cmdline"), folder) || Mentions(Path.Combine(dir, "environ"), folder)) yield return pid;
        }
    }

    private static bool Mentions(string procFile, string folder)
    {
        try { return File.ReadAllText(procFile).Contains(folder, StringComparison.Ordinal); }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
