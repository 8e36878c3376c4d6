namespace Payouts.PayoutService.Application;

/// <summary>Settlement timing (<c>Payouts:Processing</c>).</summary>
public sealed class ProcessingOptions
{
    /// <summary>How long a process request without a reference waits for settlement's answer before replying 202.</summary>
    public TimeSpan SettlementWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a payout may stay processing before settlement is asked for its transfer's status.</summary>
    public TimeSpan StatusCheckAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>After asking, when to ask again if the transfer is still open or no answer came.</summary>
    public TimeSpan StatusCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the sweep looks for payouts due a status check.</summary>
    public TimeSpan StatusSweepInterval { get; set; } = TimeSpan.FromSeconds(10);
}
