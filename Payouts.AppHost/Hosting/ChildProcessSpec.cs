namespace Payouts.AppHost.Hosting;

/// <summary>What to run for one resource: program, arguments, folder, environment and (when we are root) the user to run as.</summary>
public sealed record ChildProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    string? RunAsUser = null,
    int StopSignal = PosixSignals.SigTerm);
