namespace Payouts.BankAccountService.Domain;

/// <summary><c>BankAccounts:Verification:*</c>.</summary>
public sealed class BankAccountOptions
{
    public const string SectionName = "BankAccounts:Verification";

    /// <summary>Days the micro-deposit amounts can be confirmed after the account is added.</summary>
    public int ExpiryDays { get; set; } = 7;
}
