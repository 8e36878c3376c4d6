using Microsoft.Extensions.Options;

namespace Payouts.ProviderSandbox.Configuration;

/// <summary>
/// The fault-injection knobs in effect: they start from configuration and the admin endpoint changes them at run time
/// (in memory; a restart goes back to configuration).
/// </summary>
public sealed class SandboxKnobs(IOptions<SandboxOptions> options)
{
    private readonly Lock _lock = new();
    private KnobSettings _current = KnobSettings.From(options.Value);

    public KnobSettings Current
    {
        get
        {
            lock (_lock)
            {
                return _current;
            }
        }
    }

    public KnobSettings Update(Func<KnobSettings, KnobSettings> change)
    {
        lock (_lock)
        {
            _current = change(_current);
            return _current;
        }
    }

    public KnobSettings Reset()
    {
        lock (_lock)
        {
            _current = KnobSettings.From(options.Value);
            return _current;
        }
    }

    /// <summary>Whether this request is one the failure rate turns away.</summary>
    public bool ShouldFail() => Current.FailureRate > 0 && Random.Shared.NextDouble() < Current.FailureRate;
}

public sealed record KnobSettings(TimeSpan Latency, double FailureRate, TimeSpan DelayedFailureAfter, TimeSpan TimeoutHold)
{
    public static KnobSettings From(SandboxOptions options) =>
        new(options.Latency, options.FailureRate, options.DelayedFailureAfter, options.TimeoutHold);
}
