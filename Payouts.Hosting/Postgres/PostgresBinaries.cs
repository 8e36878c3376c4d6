namespace Payouts.Hosting.Postgres;

/// <summary>Finds PostgreSQL's programs on PATH or in Debian's versioned folder (<c>/usr/lib/postgresql/&lt;v&gt;/bin</c>).</summary>
public static class PostgresBinaries
{
    public static string Find(string program)
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(dir => Path.Combine(dir, "bin", program))
                : []);
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new HostingSetupException("postgres",
                $"the PostgreSQL program '{program}' was not found on PATH or under /usr/lib/postgresql (install it: apt-get install -y postgresql; or pass --postgres \"<connection string>\" of a server you run).");
    }
}
