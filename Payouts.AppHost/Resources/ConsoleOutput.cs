namespace Payouts.AppHost.Resources;

/// <summary>Writes resources' lines to a console-like writer as <c>[payouts-1] line</c>, one colour per resource.</summary>
public sealed class ConsoleOutput(TextWriter writer, bool colored)
{
    public const string AppHostName = "apphost";

    private static readonly string[] Palette = ["\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[35m", "\u001b[34m", "\u001b[96m", "\u001b[92m", "\u001b[93m", "\u001b[95m"];
    private const string Reset = "\u001b[0m";
    private const string Red = "\u001b[31m";
    private const string Bold = "\u001b[1m";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _colors = [];

    public void Write(string source, string line, bool isError = false)
    {
        lock (_lock)
        {
            if (!colored)
            {
                writer.WriteLine($"[{source}] {line}");
                return;
            }
            var color = source == AppHostName ? Bold : ColorOf(source);
            writer.WriteLine(isError ? $"{color}[{source}]{Reset} {Red}{line}{Reset}" : $"{color}[{source}]{Reset} {line}");
        }
    }

    private string ColorOf(string source)
    {
        if (!_colors.TryGetValue(source, out var color))
            _colors[source] = color = Palette[_colors.Count % Palette.Length];
        return color;
    }
}
