namespace Payouts.Contracts.Batches;

/// <summary>
/// A company marked its draft batch final (<c>ready</c>): it takes no more recipients and awaits approval with a second
/// factor. Published by BatchService through its transactional outbox in the transaction that changes the status.
/// <see cref="Total"/> and <see cref="RecipientCount"/> are the valid, pending recipients': what an approval would pay.
/// </summary>
public sealed record BatchMarkedReady(
    Guid BatchId,
    string CompanyId,
    string PaymentReference,
    decimal Total,
    string Currency,
    int RecipientCount,
    DateTimeOffset MarkedReadyAt);
