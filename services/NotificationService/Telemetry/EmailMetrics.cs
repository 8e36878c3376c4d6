using System.Diagnostics.Metrics;

namespace Payouts.NotificationService.Telemetry;

/// <summary>
/// Email on NotificationService's meter: <c>payouts.email.sends</c>, tagged <c>outcome</c>: <c>sent</c> (one
/// recipient's copy accepted by the SMTP server), <c>retrying</c> (a failed attempt, due again) and <c>given_up</c>;
/// and <c>payouts.email.backlog</c> (<see cref="EmailBacklogGauge"/>).
/// </summary>
public sealed class EmailMetrics
{
    public const string Sends = "payouts.email.sends";

    /// <summary>Emails not yet sent to everyone nor given up, from the outbox table.</summary>
    public const string Backlog = "payouts.email.backlog";

    public const string SentOutcome = "sent";
    public const string Retrying = "retrying";
    public const string GivenUp = "given_up";

    private readonly Counter<long> _sends;

    public EmailMetrics(IMeterFactory meterFactory) =>
        _sends = meterFactory.Create(WebhookMetrics.MeterName).CreateCounter<long>(Sends, "{email}", "Emails sent and failed attempts by outcome");

    public void Sent() => Add(SentOutcome);

    public void Failed(string outcome) => Add(outcome);

    private void Add(string outcome) => _sends.Add(1, new KeyValuePair<string, object?>(WebhookMetrics.OutcomeTag, outcome));
}
