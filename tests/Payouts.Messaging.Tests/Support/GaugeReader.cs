using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Payouts.Messaging.Tests.Support;

/// <summary>Observes a gauge the way an exporter does and picks the value for one tag set.</summary>
public static class GaugeReader
{
    /// <summary>The gauge's current value with tag <paramref name="tag"/> = <paramref name="value"/> (any tags when null); null when not reported.</summary>
    public static T? Read<T>(this MetricCollector<T> collector, string? tag = null, string? value = null)
        where T : struct
    {
        collector.Clear();
        collector.RecordObservableInstruments();
        var measurement = collector.GetMeasurementSnapshot()
            .LastOrDefault(m => tag is null || (m.Tags.TryGetValue(tag, out var tagValue) && Equals(tagValue, value)));
        return measurement?.Value;
    }
}
