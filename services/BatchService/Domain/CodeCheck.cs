namespace Payouts.BatchService.Domain;

/// <summary>What a user's 2FA code was found to be.</summary>
public enum CodeCheck
{
    /// <summary>A current code, not used before: its step is now used.</summary>
    Accepted,

    /// <summary>Wrong, expired or already used: counted as a failure.</summary>
    Rejected,

    /// <summary>Not even looked at: too many recent failures.</summary>
    Locked,
}
