namespace Payouts.Contracts.Settlement;

/// <summary>Request to settlement (the payout saga's status query): where does this payout's transfer stand? Answered with <see cref="SettlementStatus"/>.</summary>
public sealed record GetSettlementStatus(Guid PayoutId);
