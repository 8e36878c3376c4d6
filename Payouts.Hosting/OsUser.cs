namespace Payouts.Hosting;

/// <summary>Runs a program as another OS user when the AppHost is root (PostgreSQL refuses to run as root).</summary>
internal static class OsUser
{
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>The command and arguments that run <paramref name="program"/> as <paramref name="user"/> when we are root, else as is.</summary>
    public static (string Command, string[] Args) As(string user, string program, params string[] args) =>
        IsRoot
            ? ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", program, .. args])
            : (program, args);

    /// <summary>Gives a folder (recursively) to the user, when we are root.</summary>
    public static void Own(string path, string user)
    {
        if (!IsRoot) return;
        using var chown = System.Diagnostics.Process.Start("chown", ["-R", $"{user}:", path]);
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new HostingSetupException(user, $"could not give {path} to the '{user}' user (chown exit code {chown.ExitCode}).");
    }
}
