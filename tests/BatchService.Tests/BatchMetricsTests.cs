using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Payouts.BatchService.Telemetry;
using Payouts.BatchService.Tests.Support;
using Payouts.Testing;

namespace Payouts.BatchService.Tests;

/// <summary>The batch metrics, collected in process while a real batch runs through the saga.</summary>
[Collection(BatchServiceCollection.Name)]
public sealed class BatchMetricsTests(BatchServiceFixture fixture)
{
    [Fact]
    public async Task Recipients_paid_and_failed_the_batch_duration_and_the_batches_by_status_are_recorded()
    {
        var meters = fixture.Services.GetRequiredService<IMeterFactory>();
        using var recipients = new MetricCollector<long>(meters, BatchMetrics.MeterName, BatchMetrics.RecipientOutcomes);
        using var durations = new MetricCollector<double>(meters, BatchMetrics.MeterName, BatchMetrics.Duration);
        using var counts = new MetricCollector<long>(meters, BatchMetrics.MeterName, BatchMetrics.Count);
        var (_, client) = await fixture.NewCompanyAsync(available: 500m);

        var id = await fixture.ApprovedBatchAsync(client,
        [
            BulkApi.Payee($"one-{Guid.NewGuid():N}@example.com", 10m),
            BulkApi.Payee($"two-{Guid.NewGuid():N}@example.com", 20m),
            BulkApi.Payee(FakeSettlement.SandboxClosedEmail, 30m),
        ]);
        await fixture.FinishedSagaAsync(id);

        // Tests of the collection run one at a time: what was recorded meanwhile is this batch's.
        Assert.Equal(2, recipients.GetMeasurementSnapshot().Where(m => Equals(m.Tags[BatchMetrics.OutcomeTag], "completed")).Sum(m => m.Value));
        Assert.Equal(1, recipients.GetMeasurementSnapshot().Where(m => Equals(m.Tags[BatchMetrics.OutcomeTag], "failed")).Sum(m => m.Value));
        var duration = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal("completed", duration.Tags[BatchMetrics.StatusTag]);
        Assert.InRange(duration.Value, 0, 60);
        await Eventually.HoldsAsync(() =>
        {
            counts.RecordObservableInstruments();
            var latest = counts.GetMeasurementSnapshot().LastOrDefault(m => Equals(m.Tags[BatchMetrics.StatusTag], "completed"));
            return latest is { Value: >= 1 };
        }, "the gauge to count the completed batch", TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        Assert.Equal(["cancelled", "completed", "draft", "failed", "processing", "ready"],
            counts.GetMeasurementSnapshot().Select(m => (string)m.Tags[BatchMetrics.StatusTag]!).Distinct().Order());
    }
}
