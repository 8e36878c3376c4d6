namespace Payouts.Console.Api.Admin;

// Seed 004 (admin API) bodies, camelCase (ApiJson.CamelCase); the names follow PayoutService's Endpoints/Responses/AdminResponses.cs.

/// <summary>Seed 004's envelope of a successful read.</summary>
public sealed record AdminEnvelope<T>(bool Success, T Data);

/// <summary>Seed 004's envelope of an action: <c>success</c> is false when the payout failed at the provider (still HTTP 200).</summary>
public sealed record AdminActionEnvelope<T>(bool Success, string Message, T Data);

public sealed record AdminPagination(int CurrentPage, int TotalPages, int TotalItems, int ItemsPerPage);

public sealed record AdminPayoutList(IReadOnlyList<AdminPayout> Payouts, AdminPagination Pagination);

/// <summary>A payout as an admin sees it; <c>bankAccount.accountNumber</c> arrives masked.</summary>
public sealed record AdminPayout(
    Guid Id, long NumericId, string Reference, Guid? UserId, AdminPayoutUser? User, decimal Amount, string Currency, decimal? AmountInNgn,
    decimal? ProcessingFee, decimal? NetAmount, string SettlementCurrency, decimal? SettlementAmount, decimal? ExchangeRate, decimal MethodFee,
    string FundedFrom, string? CompanyId, string Method, AdminBankAccount? BankAccount, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? ProcessedAt, DateTimeOffset? CompletedAt, string? ProcessedBy, string? TransactionReference, string? RejectionReason,
    string? FailureReason, string? Notes)
{
    public string UserName => User is null ? "—" : $"{User.FirstName} {User.LastName}".Trim() is { Length: > 0 } name ? name : User.Email ?? User.Id.ToString();
}

public sealed record AdminPayoutUser(Guid Id, string? Email, string? FirstName, string? LastName, string? Phone, decimal? Balance);

public sealed record AdminBankAccount(string AccountNumber, string? AccountName, string BankName, string? BankCode);

/// <summary>The payout after <c>POST /api/admin/payouts/{id}/process</c>.</summary>
public sealed record ProcessedPayout(
    Guid Id, string Status, DateTimeOffset? ProcessedAt, DateTimeOffset? CompletedAt, string? ProcessedBy, string? TransactionReference,
    string? FailureReason, decimal UserBalance);

/// <summary>The payout after <c>POST /api/admin/payouts/{id}/reject</c>.</summary>
public sealed record RejectedPayout(Guid Id, string Status, DateTimeOffset? ProcessedAt, string? ProcessedBy, string? RejectionReason);
