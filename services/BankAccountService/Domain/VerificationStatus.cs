namespace Payouts.BankAccountService.Domain;

/// <summary>Values of <c>verification_status</c>.</summary>
public static class VerificationStatus
{
    public const string Pending = "pending";
    public const string Verified = "verified";

    /// <summary>Three wrong tries: verification is locked.</summary>
    public const string Failed = "verification_failed";

    /// <summary>The micro-deposit amounts were not confirmed in time.</summary>
    public const string Expired = "expired";

    /// <summary>Settlement could not pay the micro-deposits: there is nothing to confirm until new ones are sent.</summary>
    public const string DepositsFailed = "deposits_failed";
}
