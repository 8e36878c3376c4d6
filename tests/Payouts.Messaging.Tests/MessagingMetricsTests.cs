using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Payouts.Messaging.Telemetry;
using Payouts.Messaging.Tests.Support;
using Payouts.Testing;

namespace Payouts.Messaging.Tests;

/// <summary>The outbox and queue gauges, observed as an exporter observes them, against the real database and broker.</summary>
[Collection(Infrastructure.Collection)]
public sealed class MessagingMetricsTests(InfrastructureFixture infrastructure)
{
    // A gauge is read again at most every 5 s: waits allow a few refreshes.
    static readonly TimeSpan GaugeTimeout = TimeSpan.FromSeconds(30);
    readonly Guid _run = Guid.NewGuid();

    string Queue(string name) => $"metrics-{name}-{_run:N}";

    [Fact]
    public async Task Outbox_backlog_counts_what_waits_while_the_broker_is_down_and_drains_to_zero_once_it_is_back()
    {
        var database = await infrastructure.CreateDatabaseAsync("metrics_outbox");
        var queue = Queue("outbox");
        var received = new Received<ValueRecorded>();
        await using var service = await TestServiceHost.StartAsync(infrastructure, database,
            x =>
            {
                x.AddSingleton(received);
                x.AddConsumer<ValueRecordedConsumer>().ExcludeFromConfigureEndpoints();
            },
            (context, cfg) => cfg.ReceiveEndpoint(queue, e => e.ConfigureConsumer<ValueRecordedConsumer>(context)),
            outbox: o => o.DeliveryTimeout = TimeSpan.FromSeconds(2),
            configure: builder =>
            {
                builder.Services.AddQueueDepthMetrics();
                builder.Logging.AddFakeLogging();
            });
        var meters = service.Services.GetRequiredService<IMeterFactory>();
        using var backlog = new MetricCollector<long>(meters, MessagingMetrics.MeterName, MessagingMetrics.OutboxBacklog);
        using var oldestAge = new MetricCollector<double>(meters, MessagingMetrics.MeterName, MessagingMetrics.OutboxOldestAge);
        using var depth = new MetricCollector<long>(meters, MessagingMetrics.MeterName, MessagingMetrics.QueueDepth);

        await WaitForAsync(() => backlog.Read() == 0 && oldestAge.Read() == 0 && depth.Read(MessagingMetrics.QueueTag, queue) == 0,
            () => $"an empty outbox and queue (backlog {backlog.Read()}, age {oldestAge.Read()}, depth {depth.Read(MessagingMetrics.QueueTag, queue)})");

        await infrastructure.StopBrokerAsync();
        var written = DateTime.UtcNow;
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                var sequence = i;
                await service.InScopeAsync(async (db, publish) =>
                {
                    await publish.Publish(new ValueRecorded(_run, sequence));
                    await db.SaveChangesAsync();
                });
            }

            await WaitForAsync(() => backlog.Read() == 3 && oldestAge.Read() >= 2,
                () => $"3 waiting messages, the oldest 2 s old or more (backlog {backlog.Read()}, age {oldestAge.Read()})");
            Assert.InRange(oldestAge.Read()!.Value, 2, (DateTime.UtcNow - written).TotalSeconds + 1);
            Assert.Equal(3, await service.OutboxCountAsync());

            // The broker being down is no error of the service's: the queue gauges go quiet, logged once, not per refresh.
            await WaitForAsync(() => depth.Read(MessagingMetrics.QueueTag, queue) is null, () => "the queue depth to stop being reported");
            await Task.Delay(MessagingMetrics.DefaultRefreshInterval * 2.5);
            Assert.Null(depth.Read(MessagingMetrics.QueueTag, queue));
            var warnings = service.Services.GetFakeLogCollector().GetSnapshot()
                .Where(r => r.Category == typeof(QueueDepthMetrics).FullName && r.Level == LogLevel.Warning).ToList();
            Assert.Single(warnings);
        }
        finally
        {
            await infrastructure.StartBrokerAsync();
        }

        await received.WaitForAsync(m => m.Count(v => v.RunId == _run) == 3, TimeSpan.FromSeconds(60), "delivery after the broker came back");
        await WaitForAsync(() => backlog.Read() == 0 && oldestAge.Read() == 0 && depth.Read(MessagingMetrics.QueueTag, queue) == 0,
            () => $"the outbox drained and the queue read again (backlog {backlog.Read()}, age {oldestAge.Read()}, depth {depth.Read(MessagingMetrics.QueueTag, queue)})");
    }

    [Fact]
    public async Task Queue_depth_counts_ready_messages_and_the_error_queue_gauge_counts_a_poisoned_message()
    {
        var database = await infrastructure.CreateDatabaseAsync("metrics_queues");
        var gated = Queue("gated");
        var poisoned = Queue("poisoned");
        var gate = new Gate();
        await using var service = await TestServiceHost.StartAsync(infrastructure, database,
            x =>
            {
                x.AddSingleton(gate);
                x.AddConsumer<GatedConsumer>().ExcludeFromConfigureEndpoints();
                x.AddConsumer<PoisonPillConsumer>().ExcludeFromConfigureEndpoints();
            },
            (context, cfg) =>
            {
                // One message in flight at a time: the others stay ready in the queue.
                cfg.ReceiveEndpoint(gated, e =>
                {
                    e.PrefetchCount = 1;
                    e.ConcurrentMessageLimit = 1;
                    e.ConfigureConsumer<GatedConsumer>(context);
                });
                // No retry: the first failure moves the message to the _error queue.
                cfg.ReceiveEndpoint(poisoned, e => e.ConfigureConsumer<PoisonPillConsumer>(context));
            },
            configure: builder => builder.Services.AddQueueDepthMetrics());
        var meters = service.Services.GetRequiredService<IMeterFactory>();
        using var depth = new MetricCollector<long>(meters, MessagingMetrics.MeterName, MessagingMetrics.QueueDepth);
        using var errors = new MetricCollector<long>(meters, MessagingMetrics.MeterName, MessagingMetrics.QueueErrorDepth);
        var bus = service.Services.GetRequiredService<IBus>();

        // Before anything failed there is no _error queue: nothing failed, 0.
        await WaitForAsync(() => depth.Read(MessagingMetrics.QueueTag, poisoned) == 0 && errors.Read(MessagingMetrics.QueueTag, poisoned) == 0,
            () => $"the poisoned queue read as empty (depth {depth.Read(MessagingMetrics.QueueTag, poisoned)}, errors {errors.Read(MessagingMetrics.QueueTag, poisoned)})");

        var gatedEndpoint = await bus.GetSendEndpoint(new Uri($"queue:{gated}"));
        for (var i = 1; i <= 4; i++) await gatedEndpoint.Send(new SlowWork(_run, i));
        await WaitForAsync(() => depth.Read(MessagingMetrics.QueueTag, gated) == 3,
            () => $"3 ready messages behind the one in flight (depth {depth.Read(MessagingMetrics.QueueTag, gated)})");
        Assert.Equal(0, errors.Read(MessagingMetrics.QueueTag, gated));

        await (await bus.GetSendEndpoint(new Uri($"queue:{poisoned}"))).Send(new PoisonPill(_run));
        await WaitForAsync(() => errors.Read(MessagingMetrics.QueueTag, poisoned) == 1,
            () => $"the poisoned message in the error queue (errors {errors.Read(MessagingMetrics.QueueTag, poisoned)})");
        Assert.Equal(0, depth.Read(MessagingMetrics.QueueTag, poisoned));

        gate.Open();
        await WaitForAsync(() => depth.Read(MessagingMetrics.QueueTag, gated) == 0,
            () => $"the gated queue drained (depth {depth.Read(MessagingMetrics.QueueTag, gated)})");

        // The bus's own temporary queue is not one of the service's queues.
        Assert.Equal(new[] { gated, poisoned }.Order(StringComparer.Ordinal), QueuesReported(depth));
    }

    static string[] QueuesReported(MetricCollector<long> collector)
    {
        collector.Clear();
        collector.RecordObservableInstruments();
        return [.. collector.GetMeasurementSnapshot().Select(m => (string)m.Tags[MessagingMetrics.QueueTag]!).Order(StringComparer.Ordinal)];
    }

    static Task WaitForAsync(Func<bool> condition, Func<string> what) =>
        Eventually.HoldsAsync(() => Task.FromResult(condition()), "the metrics to read as expected", GaugeTimeout, detail: () => Task.FromResult(what()));
}
