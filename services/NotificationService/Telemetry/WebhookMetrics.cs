using System.Diagnostics.Metrics;

namespace Payouts.NotificationService.Telemetry;

/// <summary>
/// NotificationService's meter: <c>payouts.webhook.attempts</c> (each attempt, tagged <c>outcome</c>: succeeded,
/// retrying, given_up) counted as it is recorded.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "Payouts.NotificationService";

    /// <summary>Delivery attempts by outcome.</summary>
    public const string Attempts = "payouts.webhook.attempts";

    /// <summary>Deliveries not yet delivered nor given up, from the deliveries table.</summary>
    public const string Backlog = "payouts.webhook.backlog";

    /// <summary>Age of the oldest delivery not yet delivered nor given up.</summary>
    public const string OldestUndeliveredAge = "payouts.webhook.oldest_undelivered_age";

    public const string OutcomeTag = "outcome";

    private readonly Counter<long> _attempts;

    public WebhookMetrics(IMeterFactory meterFactory) =>
        _attempts = meterFactory.Create(MeterName).CreateCounter<long>(Attempts, "{attempt}", "Webhook delivery attempts by outcome");

    public void Attempted(string outcome) => _attempts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));
}
