namespace Payouts.Bench;

/// <summary>
/// One measurement of a run, as the results file holds it: <see cref="Count"/> payouts, requests or recipients
/// (<see cref="Unit"/>) in <see cref="Seconds"/>, so <see cref="PerSecond"/>; latencies by what they time; what each
/// cost the platform, where measured; and figures particular to the mode.
/// </summary>
public sealed record BenchFigures(
    string Name,
    string Unit,
    int Count,
    double Seconds,
    double PerSecond,
    IReadOnlyDictionary<string, LatencyStats> LatencyMs,
    PerPayoutCosts? Costs = null,
    IReadOnlyDictionary<string, object>? Details = null);
