namespace Payouts.Contracts.BankAccounts;

/// <summary>The queues BankAccountService reads, named once for the consumers that create them and anyone who addresses them.</summary>
public static class BankAccountQueues
{
    /// <summary><c>GetSettlementDestination</c> requests from settlement (the only way full account numbers leave the service).</summary>
    public const string GetSettlementDestination = "get-settlement-destination";

    /// <summary><c>MicroDepositsSent</c> and <c>MicroDepositsFailed</c> events from settlement.</summary>
    public const string MicroDepositOutcome = "bank-account-micro-deposit-outcome";

    /// <summary><c>GetBankAccount</c> and <c>GetBeneficiaryDetails</c> requests from PayoutService (read-your-writes, masked numbers only).</summary>
    public const string PayoutDestinations = "get-payout-destination";
}
