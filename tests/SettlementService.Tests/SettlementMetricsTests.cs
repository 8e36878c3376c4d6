using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Payouts.Contracts.Settlement;
using Payouts.Messaging.Telemetry;
using Payouts.ProviderSandbox.Domain;
using Payouts.SettlementService.Telemetry;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>Settlement's duration histogram and its queue gauges, collected in process while real commands are paid by the sandbox.</summary>
[Collection(Infrastructure.Collection)]
public sealed class SettlementMetricsTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromSeconds(30);

    private IMeterFactory Meters => fixture.Settlement.Services.GetRequiredService<IMeterFactory>();

    private static SettlePayout ToBank(long destinationId, decimal amount) =>
        new(Guid.NewGuid(), $"PO-{Guid.NewGuid():N}"[..12], DestinationKind.BankAccount, destinationId, "bank_transfer", amount, "USD", "Metrics test");

    [Fact]
    public async Task Each_final_provider_answer_is_measured_once_by_outcome_and_rail_from_the_transfer_creation()
    {
        using var durations = new MetricCollector<double>(Meters, SettlementMetrics.MeterName, SettlementMetrics.Duration);
        var clock = Stopwatch.StartNew();

        await PayAsync(ToBank(fixture.Bus.AddBankAccount("1234567890"), 10m));
        await PayAsync(ToBank(fixture.Bus.AddBankAccount(TestDestinations.ClosedAccountNumber), 11m));
        await PayAsync(new SettlePayout(Guid.NewGuid(), "PO-METRICS-PP", DestinationKind.PayPal, 0, "paypal", 12m, "USD", "Metrics test", "payee@example.com"));
        // Refused before any provider call: not a provider answer, not measured.
        await PayAsync(ToBank(fixture.Bus.AddBankAccount("2234567890", payable: false), 13m));

        var immediate = durations.GetMeasurementSnapshot();
        Assert.Equal(
            [("completed", "bank_transfer"), ("completed", "paypal"), ("failed", "bank_transfer")],
            immediate.Select(m => ((string)m.Tags[SettlementMetrics.OutcomeTag]!, (string)m.Tags[SettlementMetrics.RailTag]!)).Order());
        Assert.All(immediate, m => Assert.InRange(m.Value, 0, clock.Elapsed.TotalSeconds));
        Assert.All(immediate, m => Assert.Equal(2, m.Tags.Count));

        // Pending at the provider, failed by reconciliation seconds later: measured from the transfer's creation to that answer.
        durations.Clear();
        var late = ToBank(fixture.Bus.AddBankAccount(TestDestinations.FailsAfterDelayAccountNumber), 14m);
        var sent = Stopwatch.StartNew();
        await fixture.Bus.SendAsync(late);
        Assert.IsType<PayoutSettlementFailed>(await fixture.Bus.WaitForOutcomeAsync(late.PayoutId, TimeSpan.FromSeconds(60)));
        var measured = Assert.Single(durations.GetMeasurementSnapshot());
        Assert.Equal(("failed", "bank_transfer"), ((string)measured.Tags[SettlementMetrics.OutcomeTag]!, (string)measured.Tags[SettlementMetrics.RailTag]!));
        // Reconciliation looks at a transfer only after its minimum age.
        Assert.InRange(measured.Value, SettlementHost.ReconciliationAge.TotalSeconds, sent.Elapsed.TotalSeconds);
    }

    [Fact]
    public async Task The_queue_gauges_cover_settlements_endpoints_and_a_poisoned_command_shows_in_the_error_queue()
    {
        using var depth = new MetricCollector<long>(Meters, MessagingMetrics.MeterName, MessagingMetrics.QueueDepth);
        using var errors = new MetricCollector<long>(Meters, MessagingMetrics.MeterName, MessagingMetrics.QueueErrorDepth);

        // The queues come from MassTransit's endpoints, not from a list: the settle and micro-deposit queues among them.
        await Eventually.HoldsAsync(() => Read(depth).ContainsKey("settle-payout") && Read(depth).ContainsKey("send-micro-deposits"),
            "the settlement queues to be reported");
        var before = Read(errors)["settle-payout"];

        // Its destination lookup always faults: retried, then moved to settle-payout_error.
        var poisoned = ToBank(fixture.Bus.AddFaultyDestination(), 5m);
        await fixture.Bus.SendAsync(poisoned);

        await Eventually.HoldsAsync(() => Read(errors).GetValueOrDefault("settle-payout") == before + 1,
            $"settle-payout_error to hold {before + 1} (reads {Read(errors).GetValueOrDefault("settle-payout")})", TimeSpan.FromSeconds(90));
        Assert.Empty(fixture.Bus.OutcomesFor(poisoned.PayoutId));
    }

    private async Task PayAsync(SettlePayout command)
    {
        await fixture.Bus.SendAsync(command);
        await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, OutcomeTimeout);
    }

    /// <summary>The gauge by queue, observed as the exporter observes it.</summary>
    private static Dictionary<string, long> Read(MetricCollector<long> gauge)
    {
        gauge.Clear();
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot().ToDictionary(m => (string)m.Tags[MessagingMetrics.QueueTag]!, m => m.Value);
    }
}
