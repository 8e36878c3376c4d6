namespace Payouts.BankAccountService.Domain;

/// <summary>What settlement's report on a verification's micro-deposits did to the account.</summary>
public enum DepositReport
{
    Recorded,

    /// <summary>For a verification the account has since replaced (or an account since deleted): ignored.</summary>
    Stale,

    /// <summary>The verification is no longer waiting for this report (already recorded, verified, locked, failed).</summary>
    NotApplicable,
}
