namespace Payouts.AppHost.Cli;

/// <summary>
/// <c>--name value</c> options after an optional command word. Small on purpose: the AppHost has two commands and a
/// handful of options, and its usage text is the documentation.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> _options;

    private CommandLine(string command, Dictionary<string, string> options)
    {
        Command = command;
        _options = options;
    }

    public string Command { get; }

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var index = 0;
        var command = args.Count > 0 && !args[0].StartsWith('-') ? args[index++] : "run";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        while (index < args.Count)
        {
            var arg = args[index++];
            if (arg is "-h" or "--help") { options["help"] = "true"; continue; }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"unexpected argument '{arg}'.");
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (equals > 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (flags.Contains(name))
            {
                options[name] = "true";
            }
            else
            {
                if (index >= args.Count) throw new UsageException($"--{name} needs a value.");
                options[name] = args[index++];
            }
        }
        return new CommandLine(command, options);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required.");

    public int? GetInt(string name, int min, int max)
    {
        if (Get(name) is not { } text) return null;
        if (!int.TryParse(text, out var value) || value < min || value > max)
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{text}'.");
        return value;
    }

    /// <summary>Rejects options the command does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Where(k => k != "help" && !names.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => "--" + u))}.");
    }
}

/// <summary>The command line is wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
