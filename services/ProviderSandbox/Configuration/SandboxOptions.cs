namespace Payouts.ProviderSandbox.Configuration;

/// <summary>The <c>Sandbox:*</c> configuration (README "Configuration").</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Keys accepted in the <c>X-Api-Key</c> header; none configured means every call is refused.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Debit accounts (the merchant's accounts transfers are paid from; the configuration key keeps its name) and their
    /// opening balance per currency, e.g. <c>Sandbox:SettlementAccounts:SANDBOX-SETTLEMENT-001:USD = 1000000</c>.
    /// Created on start when missing; an existing account keeps its balance across restarts.
    /// </summary>
    public Dictionary<string, Dictionary<string, decimal>> SettlementAccounts { get; set; } = [];

    /// <summary>Added before answering every transfer request.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share (0–1) of transfer requests answered 503 without recording anything.</summary>
    public double FailureRate { get; set; }

    /// <summary>How long a "fails after a delay" transfer stays pending.</summary>
    public TimeSpan DelayedFailureAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a "times out" transfer holds its response (longer than any sensible client timeout).</summary>
    public TimeSpan TimeoutHold { get; set; } = TimeSpan.FromSeconds(60);
}
