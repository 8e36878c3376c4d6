namespace Payouts.SettlementService.Application;

/// <summary>A page of the finished-transfer report (<see cref="ReconciliationReports.FinishedAsync"/>).</summary>
/// <param name="Checked">Transfers on this page compared with the provider.</param>
/// <param name="Mismatches">Those the provider disagrees with, each with its differences.</param>
/// <param name="Unanswered">Those the provider gave no usable answer for this time (not compared).</param>
public sealed record FinishedTransfersData(
    DateTimeOffset From,
    DateTimeOffset To,
    string Status,
    int Checked,
    int Matched,
    IReadOnlyList<FinishedTransferItem> Mismatches,
    IReadOnlyList<FinishedTransferItem> Unanswered,
    Pagination Pagination);

/// <param name="Differences">
/// <c>missing_at_provider</c>, <c>paid_while_failed</c>, <c>status_differs</c>, <c>amount_differs</c>,
/// <c>currency_differs</c>, <c>transfer_id_differs</c>; empty for an unanswered one.
/// </param>
/// <param name="Resolution">
/// <c>completed</c> or <c>failed</c> when an operator closed the transfer (with <paramref name="ResolvedBy"/>,
/// <paramref name="ResolvedAt"/> and <paramref name="ResolutionNote"/>): a difference the operator accepted, e.g. the
/// provider's amount; all null otherwise.
/// </param>
public sealed record FinishedTransferItem(
    Guid PayoutId,
    string PaymentReference,
    string Rail,
    string Status,
    decimal Amount,
    string Currency,
    string? FailureCode,
    DateTimeOffset FinishedAt,
    string? ProviderTransferId,
    string ProviderStatus,
    string? ProviderTransferIdAtProvider,
    decimal? ProviderAmount,
    string? ProviderCurrency,
    IReadOnlyList<string> Differences,
    string? Resolution,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt,
    string? ResolutionNote);

/// <summary>Seed 004's pagination object.</summary>
public sealed record Pagination(int CurrentPage, int TotalPages, int TotalItems, int ItemsPerPage);
