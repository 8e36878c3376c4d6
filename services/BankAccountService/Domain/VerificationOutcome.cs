namespace Payouts.BankAccountService.Domain;

/// <summary>What a verification attempt did.</summary>
public enum VerificationOutcome
{
    Verified,
    WrongAmounts,

    /// <summary>This attempt was the last allowed wrong one, or an earlier one was.</summary>
    Locked,
    Expired,
    AlreadyVerified,

    /// <summary>The deposits could not be sent; the attempt is not counted.</summary>
    DepositsFailed,
}
