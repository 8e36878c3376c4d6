namespace Payouts.PayoutService.Telemetry;

/// <summary>Names of PayoutService's meter, its instruments and their tags.</summary>
public static class PayoutMetrics
{
    public const string MeterName = "Payouts.PayoutService";

    /// <summary>Payouts in each status now, from the payouts table.</summary>
    public const string Count = "payouts.payout.count";

    /// <summary>Committed status changes, counted as they happen (a new payout is a transition to <c>pending</c>).</summary>
    public const string Transitions = "payouts.payout.transitions";

    public const string StatusTag = "status";
    public const string CurrencyTag = "currency";
}
