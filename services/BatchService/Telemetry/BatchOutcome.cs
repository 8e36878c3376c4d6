namespace Payouts.BatchService.Telemetry;

/// <summary>A recipient's outcome (no duration), or a batch that ended in <see cref="Status"/> after <see cref="Duration"/> seconds.</summary>
public sealed record BatchOutcome(string Status, double? Duration);
