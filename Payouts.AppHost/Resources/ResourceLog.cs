namespace Payouts.AppHost.Resources;

/// <summary>One line of a resource's console output.</summary>
public sealed record LogLine(DateTimeOffset Timestamp, string Source, string Text, bool IsError);

/// <summary>
/// A resource's console output: the most recent lines in memory (for the library API and failure messages), every
/// line in a log file, and optionally echoed to the console with the resource's prefix.
/// </summary>
public sealed class ResourceLog : IDisposable
{
    private readonly string _source;
    private readonly int _capacity;
    private readonly Queue<LogLine> _recent = new();
    private readonly StreamWriter? _file;
    private readonly ConsoleOutput? _console;
    private readonly Lock _lock = new();

    public ResourceLog(string source, string? logDirectory, ConsoleOutput? console, int capacity = 2000)
    {
        _source = source;
        _capacity = capacity;
        _console = console;
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
            _file = new StreamWriter(Path.Combine(logDirectory, $"{source}.log"), append: true) { AutoFlush = true };
        }
    }

    public string Source => _source;

    public void Write(string text, bool isError = false)
    {
        var line = new LogLine(DateTimeOffset.UtcNow, _source, text, isError);
        lock (_lock)
        {
            _recent.Enqueue(line);
            if (_recent.Count > _capacity) _recent.Dequeue();
            _file?.WriteLine($"{line.Timestamp:O} {(isError ? "ERR" : "OUT")} {text}");
        }
        _console?.Write(_source, text, isError);
    }

    public IReadOnlyList<LogLine> Snapshot()
    {
        lock (_lock) return [.. _recent];
    }

    /// <summary>The last few lines as " Last output: …", to explain a failure without sending the reader to the log file.</summary>
    public string Tail(int count)
    {
        var lines = Snapshot();
        if (lines.Count == 0) return " It wrote no output.";
        return " Last output:" + Environment.NewLine
            + string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - count)).Select(l => "    " + l.Text));
    }

    /// <summary>
    /// Why a process died, from its output: the last unhandled exception's message when there is one (a stack trace
    /// says little in a one-line error), otherwise the last few lines.
    /// </summary>
    public string Explain(int count = 10)
    {
        var lines = Snapshot();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var text = lines[i].Text;
            var at = text.IndexOf("Unhandled exception. ", StringComparison.Ordinal);
            if (at >= 0) return " " + text[(at + "Unhandled exception. ".Length)..].Trim();
        }
        return Tail(count);
    }

    public void Dispose()
    {
        lock (_lock) _file?.Dispose();
    }
}
