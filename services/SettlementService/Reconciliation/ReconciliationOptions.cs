namespace Payouts.SettlementService.Reconciliation;

/// <summary>The <c>Settlement:Reconciliation:*</c> configuration.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Settlement:Reconciliation";

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a transfer stays pending or unknown before the sweep asks the provider: longer than a provider call can
    /// take, so the sweep never races a call still in flight.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 20;
}
