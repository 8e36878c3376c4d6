using System.Runtime.InteropServices;

namespace Payouts.AppHost.Hosting;

/// <summary>Sends POSIX signals; .NET's Process.Kill only sends SIGKILL, which gives servers no chance to shut down cleanly.</summary>
internal static partial class PosixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: alive, not ours */;

    public static bool IsRoot => geteuid() == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
