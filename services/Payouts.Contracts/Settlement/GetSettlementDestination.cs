namespace Payouts.Contracts.Settlement;

/// <summary>
/// Request from settlement to BankAccountService for a destination's full details. Its reply,
/// <see cref="SettlementDestination"/>, is the only message allowed to carry a full account number.
/// </summary>
public sealed record GetSettlementDestination(DestinationKind Kind, long DestinationId, Guid RequestedFor);
