namespace Payouts.BankAccountService.Domain;

/// <summary><c>BankAccounts:Verification:*</c>.</summary>
public sealed class BankAccountOptions
{
    public const string SectionName = "BankAccounts:Verification";

    /// <summary>Days the micro-deposit amounts can be confirmed, counted from when settlement reports them sent.</summary>
    public int ExpiryDays { get; set; } = 7;

    /// <summary>
    /// Rounds of micro-deposits one account may get (the first included): each round allows three tries, so the cap
    /// bounds guessing, and the money spent on deposits, for an account someone cannot verify.
    /// </summary>
    public int MaxDepositRounds { get; set; } = 3;
}
