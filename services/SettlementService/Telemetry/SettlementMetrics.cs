namespace Payouts.SettlementService.Telemetry;

/// <summary>Names of settlement's meter, its instruments and their tags.</summary>
public static class SettlementMetrics
{
    public const string MeterName = "Payouts.Settlement";

    /// <summary>From settlement taking a payout's command to the provider's final answer about its transfer.</summary>
    public const string Duration = "payouts.settlement.duration";

    /// <summary><c>completed</c> or <c>failed</c>.</summary>
    public const string OutcomeTag = "outcome";

    /// <summary>The provider rail: <c>bank_transfer</c>, <c>paypal</c>, <c>stripe</c>.</summary>
    public const string RailTag = "rail";
}
