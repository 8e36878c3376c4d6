namespace Payouts.SystemTests;

/// <summary>
/// Processes identified by pid and start time (field 22 of /proc/&lt;pid&gt;/stat), so a pid the kernel has since reused
/// for an unrelated process is not mistaken for a leaked one.
/// </summary>
internal static class LiveProcesses
{
    public static IReadOnlyDictionary<int, string> Snapshot(IEnumerable<int> pids) =>
        pids.Distinct().Select(pid => (pid, start: StartTime(pid))).Where(p => p.start is not null)
            .ToDictionary(p => p.pid, p => p.start!);

    /// <summary>Those of the snapshot still running (same pid, same start time), with their command names.</summary>
    public static IReadOnlyList<string> StillAlive(IReadOnlyDictionary<int, string> snapshot) =>
        [.. snapshot.Where(p => StartTime(p.Key) == p.Value).Select(p => $"{p.Key} ({Command(p.Key)})")];

    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state); a zombie is dead, only not yet reaped.
            return fields[0] == "Z" ? null : fields[19];
        }
        catch (IOException) { return null; }
    }

    private static string Command(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (IOException) { return "?"; }
    }
}
