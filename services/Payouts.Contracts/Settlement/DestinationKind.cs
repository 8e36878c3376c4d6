namespace Payouts.Contracts.Settlement;

/// <summary>
/// Where a payout or deposit goes. Bank accounts and beneficiary details live in BankAccountService (settlement asks
/// it for their full details); PayPal and Stripe destinations are the handle carried on the payout itself.
/// </summary>
public enum DestinationKind
{
    BankAccount,
    BeneficiaryDetails,
    PayPal,
    Stripe,
}
