namespace Payouts.Contracts.Settlement;

/// <summary>
/// The queues SettlementService reads, named once for the senders and for the consumer definitions that create them:
/// a queue's name never follows a class name, so renaming a consumer cannot strand its senders.
/// </summary>
public static class SettlementQueues
{
    /// <summary><c>SettlePayout</c> commands, sent by the payout saga; every settlement replica competes for them.</summary>
    public const string SettlePayout = "settle-payout";

    /// <summary><c>GetSettlementStatus</c> requests, sent by the payout saga's status sweep.</summary>
    public const string GetSettlementStatus = "get-settlement-status";

    /// <summary><c>SendMicroDeposits</c> commands, published by BankAccountService.</summary>
    public const string SendMicroDeposits = "send-micro-deposits";
}
