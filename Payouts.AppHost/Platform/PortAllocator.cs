using Payouts.AppHost.Hosting;

namespace Payouts.AppHost.Platform;

/// <summary>Hands out distinct free loopback ports for one platform.</summary>
public sealed class PortAllocator
{
    private readonly HashSet<int> _taken = [];

    public int Next()
    {
        while (true)
        {
            var port = FreePort.Next();
            if (_taken.Add(port)) return port;
        }
    }

    /// <summary>The given port when it is free (and not handed out already), otherwise a new one.</summary>
    public int Reuse(int? port)
    {
        if (port is { } p && p > 0 && !_taken.Contains(p) && FreePort.IsFree(p))
        {
            _taken.Add(p);
            return p;
        }
        return Next();
    }

    /// <summary>Reserves a port chosen by the user.</summary>
    public void Claim(int port) => _taken.Add(port);
}
