namespace Payouts.SettlementService.Application;

/// <summary>The open-transfer report (<see cref="ReconciliationReports.OpenAsync"/>).</summary>
/// <param name="Faults">Commands that ended in an <c>_error</c> queue (poison messages), newest first.</param>
public sealed record ReconciliationData(
    IReadOnlyDictionary<string, int> TransfersByStatus, int Mismatches, IReadOnlyList<ReconciliationItem> Open, IReadOnlyList<FaultItem> Faults);

public sealed record FaultItem(string MessageType, Guid SubjectId, string Exception, DateTimeOffset OccurredAt);

public sealed record ReconciliationItem(
    Guid PayoutId,
    string PaymentReference,
    string Status,
    decimal Amount,
    string Currency,
    string? Reason,
    string? ProviderTransferId,
    string ProviderStatus,
    decimal? ProviderAmount,
    bool Mismatch,
    TimeSpan Age,
    int ReconciliationAttempts);
