namespace Payouts.BatchService.Telemetry;

/// <summary>How many batches are in one status.</summary>
public sealed record BatchStatusCount(string Status, long Count);
