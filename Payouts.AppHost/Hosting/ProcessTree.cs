namespace Payouts.AppHost.Hosting;

/// <summary>Reads the process tree from /proc so a resource's grandchildren (beam's helpers, postgres backends) are stopped with it.</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> DescendantsOf(int rootPid)
    {
        var childrenByParent = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var parent = ParentOf(pid);
            if (parent is null) continue;
            if (!childrenByParent.TryGetValue(parent.Value, out var list))
                childrenByParent[parent.Value] = list = [];
            list.Add(pid);
        }

        var result = new List<int>();
        var pending = new Queue<int>();
        pending.Enqueue(rootPid);
        while (pending.TryDequeue(out var pid))
        {
            if (!childrenByParent.TryGetValue(pid, out var children)) continue;
            foreach (var child in children)
            {
                result.Add(child);
                pending.Enqueue(child);
            }
        }
        return result;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1]);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        catch (FormatException) { return null; }
    }
}
