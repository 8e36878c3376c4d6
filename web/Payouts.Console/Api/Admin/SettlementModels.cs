namespace Payouts.Console.Api.Admin;

// SettlementService's admin reports (camelCase, {success, data}); names from its Application/ReconciliationData.cs,
// FinishedTransfersData.cs and Endpoints/TransferResolutionEndpoints.cs.

/// <summary>Transfers whose outcome is still open or flagged, each beside the provider's live answer.</summary>
public sealed record ReconciliationData(
    IReadOnlyDictionary<string, int> TransfersByStatus, int Mismatches, IReadOnlyList<ReconciliationItem> Open, IReadOnlyList<SettlementFault> Faults);

public sealed record SettlementFault(string MessageType, Guid SubjectId, string Exception, DateTimeOffset OccurredAt);

public sealed record ReconciliationItem(
    Guid PayoutId, string PaymentReference, string Status, decimal Amount, string Currency, string? Reason, string? ProviderTransferId,
    string ProviderStatus, decimal? ProviderAmount, bool Mismatch, TimeSpan Age, int ReconciliationAttempts);

/// <summary>One page of transfers that finished in a window, checked against the provider.</summary>
public sealed record FinishedTransfersData(
    DateTimeOffset From, DateTimeOffset To, string Status, int Checked, int Matched, IReadOnlyList<FinishedTransferItem> Mismatches,
    IReadOnlyList<FinishedTransferItem> Unanswered, AdminPagination Pagination);

public sealed record FinishedTransferItem(
    Guid PayoutId, string PaymentReference, string Rail, string Status, decimal Amount, string Currency, string? FailureCode,
    DateTimeOffset FinishedAt, string? ProviderTransferId, string ProviderStatus, string? ProviderTransferIdAtProvider, decimal? ProviderAmount,
    string? ProviderCurrency, IReadOnlyList<string> Differences, string? Resolution, string? ResolvedBy, DateTimeOffset? ResolvedAt,
    string? ResolutionNote);

/// <summary>The transfer after an operator closed it.</summary>
public sealed record TransferResolution(
    Guid PayoutId, string PaymentReference, string Status, string? ProviderTransferId, decimal Amount, string Currency, string ProviderStatus,
    decimal? ProviderAmount, string? ProviderCurrency, string? FailureCode, string? FailureReason, string Resolution, string ResolvedBy,
    DateTimeOffset ResolvedAt, string ResolutionNote);

/// <summary>What an operator decided about an open transfer: completed or failed, and why (required).</summary>
public sealed record ResolveTransferInput(string Outcome, string? Note) : IActionInput
{
    public const int MaxNoteLength = 500;

    public static readonly IReadOnlyList<string> Outcomes = ["completed", "failed"];

    public string Fingerprint => $"resolve\n{Outcome}\n{ProcessPayoutInput.Clean(Note)}";

    public object ToBody() => new ResolveBody(Outcome, ProcessPayoutInput.Clean(Note));

    public string? Problem => ProcessPayoutInput.Clean(Note) switch
    {
        _ when !Outcomes.Contains(Outcome) => "Choose completed or failed.",
        null => "A note is required: say why the transfer is resolved this way.",
        { Length: > MaxNoteLength } => $"The note must be at most {MaxNoteLength} characters.",
        _ => null,
    };

    private sealed record ResolveBody(string Outcome, string? Note);
}

/// <summary>
/// The finished-transfer report's query: a window ending now of <see cref="Days"/> days (the API allows at most 31),
/// a status (all, completed, failed) and a page.
/// </summary>
public sealed record FinishedReportQuery(int Days, string Status, int Page, int Limit)
{
    public static readonly IReadOnlyList<int> Windows = [1, 7, 31];

    public static readonly IReadOnlyList<string> Statuses = ["all", "completed", "failed"];

    public string ToPath(DateTimeOffset now)
    {
        var to = now.UtcDateTime;
        var from = to.AddDays(-Math.Clamp(Days, 1, 31));
        return System.FormattableString.Invariant(
            $"api/admin/settlement/reconciliation/finished?from={Uri.EscapeDataString(from.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))}&status={Status}&page={Math.Max(Page, 1)}&limit={Math.Clamp(Limit, 1, 100)}");
    }
}
