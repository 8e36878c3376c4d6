using System.Net;
using System.Net.Sockets;

namespace Payouts.Hosting;

/// <summary>An unused loopback port for a server that binds it later, so two platforms on one machine never collide.</summary>
public static class FreePort
{
    /// <summary>
    /// Below the kernel's ephemeral range: a port the kernel picked (port 0) goes back into that range when the probe
    /// closes, and an outgoing connection or another port-0 listener can take it in the seconds before our server binds
    /// it (the gateway crashed that way, exit 134). Ports below the range are only ever taken by explicit binds.
    /// </summary>
    private const int LowestPort = 20_000;

    /// <summary>Ports already handed out by this process: a random pick must not repeat one whose server has not bound it yet.</summary>
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        var ephemeralStart = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(LowestPort, ephemeralStart);
            lock (HandedOut)
            {
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    return port;
                }
            }
        }
        throw new InvalidOperationException($"No free loopback port between {LowestPort} and {ephemeralStart}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range (32768 by default; elsewhere that default).</summary>
    private static int EphemeralRangeStart()
    {
        const int linuxDefault = 32_768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], out var start) && start > LowestPort + 1000 ? start : linuxDefault;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return linuxDefault;
        }
    }
}
