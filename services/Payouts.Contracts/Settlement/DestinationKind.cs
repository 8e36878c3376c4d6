namespace Payouts.Contracts.Settlement;

/// <summary>Which kind of destination a payout or deposit goes to; both live in BankAccountService.</summary>
public enum DestinationKind
{
    BankAccount,
    BeneficiaryDetails,
}
