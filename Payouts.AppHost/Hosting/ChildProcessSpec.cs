namespace Payouts.AppHost.Hosting;

/// <summary>
/// What to run for one resource: program, arguments, folder, environment and (when we are root) the user to run as.
/// <paramref name="OwnSession"/> starts it in a session of its own, so a Ctrl+C in the terminal reaches only the
/// orchestrator, which then stops its children in order instead of all of them dying at once.
/// </summary>
public sealed record ChildProcessSpec(
    string FileName,
    IReadOnlyList<string> Arguments,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string?> Environment,
    string? RunAsUser = null,
    int StopSignal = PosixSignals.SigTerm,
    bool OwnSession = false);
