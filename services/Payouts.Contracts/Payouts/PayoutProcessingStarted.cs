using Payouts.Contracts.Settlement;

namespace Payouts.Contracts.Payouts;

/// <summary>
/// An admin approved a pending payout for settlement through the provider: it is now <c>processing</c> and its saga
/// sends <see cref="SettlePayout"/>. The amount stays held until settlement answers.
/// </summary>
/// <remarks><c>CompanyId</c> is the payout's company, as <c>PayoutRequested</c> named it, so a consumer needs no earlier event to know it.</remarks>
public sealed record PayoutProcessingStarted(
    Guid PayoutId,
    long PayoutNumber,
    string Reference,
    string UserId,
    decimal Amount,
    decimal NetAmount,
    string Currency,
    string Method,
    DestinationKind DestinationKind,
    long DestinationId,
    string ProcessedBy,
    DateTimeOffset StartedAt,
    string? CompanyId = null);
