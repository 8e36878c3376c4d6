namespace Payouts.Contracts.Settlement;

/// <summary>
/// Command to settlement: pay this approved payout once. The payout's uuid is the provider payment reference.
/// <see cref="Amount"/> and <see cref="Currency"/> are what the destination receives (after any FX conversion and
/// processing fee). For <see cref="DestinationKind.PayPal"/> and <see cref="DestinationKind.Stripe"/>,
/// <see cref="RecipientHandle"/> is the PayPal email or Stripe connected account id and <see cref="DestinationId"/>
/// is 0; for bank destinations it is null and the details are fetched with <see cref="GetSettlementDestination"/>.
/// </summary>
public sealed record SettlePayout(
    Guid PayoutId,
    string Reference,
    DestinationKind DestinationKind,
    long DestinationId,
    string Method,
    decimal Amount,
    string Currency,
    string Narration,
    string? RecipientHandle = null);
