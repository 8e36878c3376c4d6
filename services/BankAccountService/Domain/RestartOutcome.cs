namespace Payouts.BankAccountService.Domain;

/// <summary>What asking for new micro-deposits did.</summary>
public enum RestartOutcome
{
    Restarted,

    /// <summary>Pending or verified: the account is simply a duplicate.</summary>
    NotRestartable,

    /// <summary>The account had every round of deposits it may get.</summary>
    RoundsExhausted,
}
