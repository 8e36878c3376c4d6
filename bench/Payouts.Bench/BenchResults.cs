using System.Globalization;
using System.Reflection;
using System.Text;

namespace Payouts.Bench;

/// <summary>
/// A copy of everything a run prints, headed by the command, the date and the machine, in
/// <c>bench/Payouts.Bench/results/&lt;mode&gt;-&lt;UTC date-time&gt;.txt</c> (not committed: README.md keeps the figures that matter).
/// </summary>
public sealed class BenchResults : IAsyncDisposable
{
    private readonly TextWriter _console;
    private readonly StreamWriter _file;

    private BenchResults(TextWriter console, StreamWriter file, string path)
    {
        _console = console;
        _file = file;
        Path = path;
    }

    public string Path { get; }

    public static BenchResults Start(string mode, string[] args)
    {
        var folder = System.IO.Path.Combine(ProjectDirectory(), "results");
        Directory.CreateDirectory(folder);
        var started = DateTime.UtcNow;
        var path = System.IO.Path.Combine(folder, $"{mode}-{started:yyyyMMdd-HHmmss}.txt");
        var file = new StreamWriter(path, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        file.WriteLine($"# dotnet run -c {Configuration()} --project bench/Payouts.Bench -- {string.Join(' ', args)}");
        file.WriteLine($"# {started:yyyy-MM-dd HH:mm:ss} UTC, {Environment.MachineName}, {Environment.ProcessorCount} cores");
        var console = Console.Out;
        var results = new BenchResults(console, file, path);
        Console.SetOut(new Tee(console, file));
        return results;
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

    public async ValueTask DisposeAsync()
    {
        Console.SetOut(_console);
        await _file.DisposeAsync();
        Console.WriteLine($"(written to {Path})");
    }

    private static string Configuration() =>
        typeof(BenchResults).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string ProjectDirectory() =>
        typeof(BenchResults).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Payouts.Bench.ProjectDirectory")?.Value
        ?? AppContext.BaseDirectory;

    /// <summary>Writes to the console and the file alike.</summary>
    private sealed class Tee(TextWriter console, TextWriter file) : TextWriter
    {
        public override Encoding Encoding => console.Encoding;

        public override IFormatProvider FormatProvider => CultureInfo.InvariantCulture;

        public override void Write(char value)
        {
            lock (this)
            {
                console.Write(value);
                file.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this)
            {
                console.Write(value);
                file.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (this)
            {
                console.WriteLine(value);
                file.WriteLine(value);
            }
        }

        public override void Flush()
        {
            console.Flush();
            file.Flush();
        }
    }
}
