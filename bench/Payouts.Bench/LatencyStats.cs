namespace Payouts.Bench;

/// <summary>Percentiles of a set of request durations.</summary>
public sealed record LatencyStats(int Count, double P50Ms, double P90Ms, double P99Ms, double MeanMs)
{
    public static LatencyStats From(IReadOnlyCollection<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        // Nothing measured (no payout completed): no figures rather than no report.
        if (sorted.Length == 0) return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        return new LatencyStats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.90), Percentile(sorted, 0.99), sorted.Average());
    }

    // Nearest-rank percentile: the smallest sample with at least p of the samples at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() => $"p50 {P50Ms,7:0.000} ms   p90 {P90Ms,7:0.000} ms   p99 {P99Ms,7:0.000} ms   mean {MeanMs,7:0.000} ms   (n={Count})";
}
