using Payouts.Contracts.Settlement;

namespace Payouts.Contracts.Payouts;

/// <summary>The payout was paid: its held amount moved to paid. <see cref="TransactionReference"/> is the bank's or provider's id.</summary>
/// <remarks>
/// <c>CompanyId</c> is the payout's company, as <c>PayoutRequested</c> named it, so a consumer needs no earlier event to know it.
/// <c>DestinationKind</c>/<c>DestinationId</c> name where it was paid (ids only, as in <c>PayoutProcessingStarted</c>), so
/// the user can be told the masked account; null for a payout paid outside the platform.
/// </remarks>
public sealed record PayoutCompleted(
    Guid PayoutId,
    long PayoutNumber,
    string Reference,
    string UserId,
    decimal Amount,
    decimal NetAmount,
    string Currency,
    string? TransactionReference,
    DateTimeOffset CompletedAt,
    string? CompanyId = null,
    DestinationKind? DestinationKind = null,
    long? DestinationId = null);
