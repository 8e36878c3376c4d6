namespace Payouts.Gateway.Overload;

/// <summary>How much work the gateway takes on at once: <c>Gateway:Overload:*</c>.</summary>
public sealed class OverloadOptions
{
    /// <summary>Requests forwarded at the same time.</summary>
    public int MaxConcurrentRequests { get; set; } = 256;

    /// <summary>Requests that may wait for one of those places; more are refused at once.</summary>
    public int QueueLimit { get; set; } = 512;

    /// <summary>How long a request may wait for a place before it is refused.</summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What a refused caller is told to wait before asking again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
