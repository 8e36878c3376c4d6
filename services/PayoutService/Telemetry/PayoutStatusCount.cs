namespace Payouts.PayoutService.Telemetry;

/// <summary>How many payouts of one currency are in one status.</summary>
public sealed record PayoutStatusCount(string Status, string Currency, long Count);
