using Payouts.Hosting;

namespace Payouts.SystemTests;

/// <summary>
/// The ports the AppHost hands its servers are bound only later, so they must come from outside the kernel's
/// ephemeral range (where an outgoing connection could take them first) and never repeat within one process.
/// </summary>
public sealed class FreePortTests
{
    [Fact]
    public void Ports_are_free_below_the_ephemeral_range_and_never_handed_out_twice()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0]);

        var ports = Enumerable.Range(0, 500).Select(_ => FreePort.Next()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 20_000, ephemeralStart - 1));
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.All(ports, port => Assert.True(FreePort.IsFree(port)));
    }
}
