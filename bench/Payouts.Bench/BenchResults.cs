using System.Diagnostics;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payouts.Bench;

/// <summary>
/// A run's results file, <c>bench/results/&lt;yyyy-MM-dd-HHmmss&gt;-&lt;mode&gt;.json</c> at the repository root: the
/// command, the code (commit, and whether the tree had changes), when (UTC), the machine (cores, load average at the
/// start and the end), the mode's settings, and its figures (<see cref="BenchFigures"/>), so runs compare across commits.
/// </summary>
public sealed class BenchResults
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A run with nothing completed divides by zero: NaN rather than no file.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // The names read as the console prints them (→, ×).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _mode;
    private readonly string[] _args;
    private readonly DateTime _started = DateTime.UtcNow;
    private readonly string _loadAtStart = LoadAverage();
    // Read at the start: the code that runs is the code built from it, whatever is committed during the run.
    private readonly (string? Commit, bool? Dirty) _git = GitState(RepositoryRoot());
    private readonly List<BenchFigures> _figures = [];
    private object? _settings;

    private BenchResults(string mode, string[] args)
    {
        _mode = mode;
        _args = args;
    }

    public static BenchResults Start(string mode, string[] args) => new(mode, args);

    /// <summary>The mode's settings, as parsed (defaults filled in).</summary>
    public void Settings(object settings) => _settings = settings;

    public void Add(BenchFigures figures)
    {
        lock (_figures) _figures.Add(figures);
    }

    /// <summary>Writes the file; <paramref name="error"/> says why a run failed (its figures so far are kept).</summary>
    public async Task<string> WriteAsync(string? error)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{_started:yyyy-MM-dd-HHmmss}-{_mode}.json");
        var document = new
        {
            Command = $"dotnet run -c {Configuration()} --project bench/Payouts.Bench -- {string.Join(' ', _args)}".TrimEnd(),
            Args = _args,
            Mode = _mode,
            Commit = _git.Commit,
            Dirty = _git.Dirty,
            StartedUtc = _started,
            EndedUtc = DateTime.UtcNow,
            Cores = Environment.ProcessorCount,
            Runtime = Environment.Version.ToString(),
            LoadAverage = new { Start = _loadAtStart, End = LoadAverage() },
            Settings = _settings,
            Error = error,
            Figures = _figures,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json) + "\n");
        return path;
    }

    /// <summary>The 1, 5 and 15 minute load averages (<c>/proc/loadavg</c>), or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>
    /// <c>git rev-parse HEAD</c>, and whether the tree has changes other than results files (earlier runs' files,
    /// not yet committed, say nothing about the code measured).
    /// </summary>
    private static (string? Commit, bool? Dirty) GitState(string root)
    {
        var commit = Git(root, "rev-parse", "HEAD")?.Trim();
        var changes = Git(root, "status", "--porcelain", "--", ".", ":(exclude)bench/results");
        return (commit, changes is null ? null : changes.Length > 0);
    }

    private static string? Git(string root, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args) start.ArgumentList.Add(arg);
            using var git = Process.Start(start);
            if (git is null) return null;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: the file says so with nulls.
            return null;
        }
    }

    private static string Configuration() =>
        typeof(BenchResults).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    /// <summary>Two folders above the bench project (<c>bench/Payouts.Bench</c>), wherever the bench is started from.</summary>
    private static string RepositoryRoot()
    {
        var project = typeof(BenchResults).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Payouts.Bench.ProjectDirectory")?.Value
            ?? throw new InvalidOperationException("The bench was built without its project directory (Payouts.Bench.csproj sets it).");
        return Path.GetFullPath(Path.Combine(project, "..", ".."));
    }
}
