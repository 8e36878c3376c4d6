using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Application;

/// <summary>What became of a transfer request.</summary>
public abstract record TransferOutcome
{
    /// <summary>A new transfer was recorded (completed, pending or failed at once).</summary>
    public sealed record Created(Transfer Transfer, DestinationBehavior Behavior) : TransferOutcome;

    /// <summary>The payment reference was already used: the first transfer, and nothing debited this time.</summary>
    public sealed record Replayed(Transfer Transfer) : TransferOutcome;

    /// <summary>Refused before anything was recorded (insufficient funds, unknown debit account).</summary>
    public sealed record Refused(string Code, string Message) : TransferOutcome;

    /// <summary>A "succeeds on the second try" destination's first call: a server error, nothing recorded.</summary>
    public sealed record FirstAttemptRefused : TransferOutcome;
}
