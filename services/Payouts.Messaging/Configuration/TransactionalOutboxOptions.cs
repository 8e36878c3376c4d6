namespace Payouts.Messaging;

public sealed class TransactionalOutboxOptions
{
    /// <summary>Run the background dispatcher in this process (turn off for a process that only writes).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for rows it was not woken for (other processes, restarts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows read per round: they are sent, confirmed and deleted together.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// Destinations (queues, message-type exchanges) of one round sent to at the same time. Each destination's rows
    /// still go one at a time, in sequence order, so this bounds the publishes awaiting a confirm.
    /// </summary>
    public int MaxConcurrentDestinations { get; set; } = 16;

    /// <summary>Upper bound for one broker publish, including its confirm.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First retry delay after a failed delivery; doubles per failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Add the transactional inbox to every receive endpoint that <c>ConfigureEndpoints</c> creates. Endpoints
    /// configured by hand call <c>UseTransactionalInbox&lt;TDbContext&gt;(context)</c> themselves.
    /// </summary>
    public bool UseInboxOnConfiguredEndpoints { get; set; } = true;

    /// <summary>How long inbox rows are kept; a redelivery older than this is no longer detected.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan InboxCleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
