namespace Payouts.SystemTests;

/// <summary>
/// Finds running processes by an environment variable the test gave them (children inherit it), so processes left
/// behind by a run that failed are found even after it has exited and they have been re-parented.
/// </summary>
internal static class MarkedProcesses
{
    public const string VariableName = "PAYOUTS_SYSTEM_TEST_RUN";

    public static string NewMarker() => Guid.NewGuid().ToString("N");

    public static IReadOnlyList<string> Find(string marker)
    {
        var needle = $"{VariableName}={marker}";
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var environment = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (environment.Contains(needle))
                    found.Add($"{pid} ({File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim()})");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
