namespace Payouts.AppHost.Resources;

/// <summary>Delays between restarts of a crashing resource: 1, 2, 4 … capped at 30 s, back to 1 s once it has stayed up.</summary>
public sealed class RestartBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    /// <summary>How long a process must stay healthy for its next crash to count as a fresh one.</summary>
    public static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(60);

    private TimeSpan _next = First;

    public TimeSpan Next()
    {
        var delay = _next;
        _next = TimeSpan.FromTicks(Math.Min(Cap.Ticks, _next.Ticks * 2));
        return delay;
    }

    public void Reset() => _next = First;
}
