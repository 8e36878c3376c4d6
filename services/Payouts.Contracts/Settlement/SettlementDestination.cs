namespace Payouts.Contracts.Settlement;

/// <summary>
/// Reply to <see cref="GetSettlementDestination"/>: full details for paying the destination. Carries the full
/// account number, so it is never logged, stored outside BankAccountService, or put in an event.
/// </summary>
public sealed record SettlementDestination(
    DestinationKind Kind,
    long DestinationId,
    bool Payable,
    string? NotPayableReason,
    string AccountHolderName,
    string BankName,
    string AccountNumber,
    string? RoutingNumber,
    string? BankCode,
    string Currency,
    string Country)
{
    public override string ToString() => $"SettlementDestination {{ Kind = {Kind}, DestinationId = {DestinationId}, Payable = {Payable} }}";
}
