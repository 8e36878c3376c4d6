namespace Payouts.ProviderSandbox.Domain;

/// <summary>What the sandbox does with a transfer to a destination (see <see cref="TestDestinations"/>).</summary>
public enum DestinationBehavior
{
    /// <summary>Completed at once (every destination that is not a test destination).</summary>
    Succeeds,

    /// <summary>Recorded as failed with <c>account_closed</c> at once; nothing debited.</summary>
    Closed,

    /// <summary>Debited and <c>pending</c>; fails with <c>beneficiary_bank_rejected</c> after the configured delay, and the debit is returned.</summary>
    FailsAfterDelay,

    /// <summary>Recorded as completed and debited, then the response is held longer than a client waits.</summary>
    TimesOut,

    /// <summary>The first call for a payment reference answers 500 and records nothing; the next one completes.</summary>
    SucceedsOnSecondTry,
}
