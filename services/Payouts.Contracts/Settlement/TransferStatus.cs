namespace Payouts.Contracts.Settlement;

/// <summary>
/// Where a payout's transfer stands, as settlement knows it: the values of settlement's transfer records and of
/// <see cref="SettlementStatus.Status"/> (which adds <see cref="SettlementStatus.NotFound"/>).
/// </summary>
public static class TransferStatus
{
    /// <summary>Claimed by a worker that is calling the provider; never committed (the call runs in the claiming transaction).</summary>
    public const string Sending = "sending";

    /// <summary>The provider accepted the transfer but has not answered finally; reconciliation asks again.</summary>
    public const string Pending = "pending";

    /// <summary>We do not know whether the provider recorded it (timeout, connection lost); reconciliation asks by payment reference.</summary>
    public const string Unknown = "unknown";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public static bool IsTerminal(string status) => status is Completed or Failed;
}
