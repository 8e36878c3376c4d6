namespace Payouts.Messaging.Telemetry;

/// <summary>Ready messages in a receive endpoint's queue and in its <c>_error</c> queue (0 when that does not exist yet).</summary>
internal sealed record QueueDepth(string Queue, long Ready, long ErrorReady);
