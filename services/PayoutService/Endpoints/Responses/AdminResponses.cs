using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Fx;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints.Responses;

// Seed 004 (admin API) bodies, written by FamilyJson (Admin).

/// <summary>Seed 004's envelope of a successful answer.</summary>
public sealed record AdminResponse<T>(bool Success, T Data)
{
    public static AdminResponse<T> Of(T data) => new(true, data);
}

/// <summary>Seed 004's envelope of a successful action, with its message.</summary>
public sealed record AdminActionResponse<T>(bool Success, string Message, T Data);

public sealed record Pagination(int CurrentPage, int TotalPages, int TotalItems, int ItemsPerPage)
{
    public static Pagination Of(Paging paging, int totalItems) => new(paging.Page, paging.TotalPages(totalItems), totalItems, paging.Limit);
}

public sealed record AdminPayoutList(IEnumerable<AdminPayout> Payouts, Pagination Pagination);

/// <summary>Seed 004's payout object; <c>bankAccount.accountNumber</c> is masked (full numbers never leave BankAccountService; README).</summary>
public sealed record AdminPayout(
    Guid Id, long NumericId, string Reference, Guid? UserId, AdminPayoutUser? User, decimal Amount, string Currency, decimal? AmountInNgn,
    decimal? ProcessingFee, decimal? NetAmount, string SettlementCurrency, decimal? SettlementAmount, [property: Rate] decimal? ExchangeRate, decimal MethodFee,
    string FundedFrom, string? CompanyId, string Method, AdminBankAccount? BankAccount, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? ProcessedAt, DateTimeOffset? CompletedAt, string? ProcessedBy, string? TransactionReference, string? RejectionReason,
    string? FailureReason, string? Notes)
{
    public static AdminPayout Of(Payout p, DirectoryUser? user, decimal? balance, AdminBankAccount? bankAccount) => new(
        p.Uuid, p.Id, p.Reference, user?.Uuid, user is null ? null : AdminPayoutUser.Of(user, balance), p.Amount, p.Currency,
        // Seed 004's NGN view: the amount the destination is sent before the processing fee; null for other currencies.
        p.SettlementCurrency == "NGN" ? p.SettlementAmount : p.SettlementCurrency is null && p.Currency == "NGN" ? p.Amount : null,
        // With a conversion, fee and net are in the settlement currency (seed 004: 50 NGN, 149950 NGN); else the method's.
        p.SettlementCurrency is null ? p.Fees : p.SettlementFee,
        p.SettlementCurrency is null ? p.NetAmount : p.SettlementNetAmount,
        p.SettlementCurrency ?? p.Currency, p.SettlementAmount ?? p.NetAmount, p.ExchangeRate, p.Fees, p.FundedFrom, p.CompanyId, p.Method,
        bankAccount, p.Status, p.RequestedAt,
        p.ProcessedAt, p.CompletedAt, p.ProcessedBy, p.TransactionReference, p.RejectionReason, p.FailureReason, p.Notes);
}

/// <summary><c>GET /api/admin/payouts/daily</c>: every day of the range, oldest first.</summary>
public sealed record AdminPayoutDays(string Currency, IEnumerable<AdminPayoutDay> Days);

/// <summary>A UTC day: payouts requested that day (in all, and by their status now) and the amount completed that day.</summary>
public sealed record AdminPayoutDay(DateOnly Date, int Requested, IReadOnlyDictionary<string, int> RequestedByStatus, decimal PaidAmount)
{
    public static AdminPayoutDay Of(PayoutDay day) => new(day.Date, day.RequestedByStatus.Values.Sum(), day.RequestedByStatus, day.PaidAmount);
}

public sealed record AdminPayoutUser(Guid Id, string? Email, string? FirstName, string? LastName, string? Phone, decimal? Balance)
{
    public static AdminPayoutUser Of(DirectoryUser user, decimal? balance) => new(user.Uuid, user.Email, user.FirstName, user.LastName, user.Phone, balance);
}

/// <summary>
/// Seed 004's <c>bankAccount</c>, for a bank account or beneficiary details alike: the holder as <c>accountName</c>, the
/// number masked, <c>bankCode</c> the bank's code (NUBAN; it names the bank, not the account) or else the masked routing number.
/// </summary>
public sealed record AdminBankAccount(string AccountNumber, string? AccountName, string BankName, string? BankCode)
{
    public static AdminBankAccount? Of(PayoutDestinationViews destination) => destination switch
    {
        { Account: { } a } => new(a.MaskedAccountNumber, NullIfEmpty(a.AccountHolderName), a.BankName, a.BankCode ?? NullIfEmpty(a.MaskedRoutingNumber)),
        { Details: { } d } => new(d.MaskedAccountNumber, NullIfEmpty(d.AccountHolderName), d.BankName, d.BankCode ?? NullIfEmpty(d.MaskedRoutingNumber)),
        _ => null,
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

/// <summary>The payout after <c>POST /api/admin/payouts/{id}/process</c>.</summary>
public sealed record ProcessedPayout(
    Guid Id, string Status, DateTimeOffset? ProcessedAt, DateTimeOffset? CompletedAt, string? ProcessedBy, string? TransactionReference,
    string? FailureReason, decimal UserBalance);

/// <summary>The payout after <c>POST /api/admin/payouts/{id}/reject</c>.</summary>
public sealed record RejectedPayout(Guid Id, string Status, DateTimeOffset? ProcessedAt, string? ProcessedBy, string? RejectionReason);

/// <summary>Seed 004's user object.</summary>
public sealed record AdminUserView(Guid Id, long NumericId, string? Email, string? FirstName, string? LastName, string? Phone, string? CompanyId,
    decimal MinimumPayout, decimal? Balance)
{
    public static AdminUserView From(DirectoryUser user, decimal? balance) =>
        new(user.Uuid, user.Id, user.Email, user.FirstName, user.LastName, user.Phone, user.CompanyId, user.MinimumPayout, balance);
}

/// <summary>An earnings credit an admin applied.</summary>
public sealed record AppliedCredit(Guid Id, Guid UserId, decimal Amount, string Currency, string Reference, long LedgerTransactionId, decimal Balance,
    DateTimeOffset CreatedAt);

public sealed record FxRateView(string BaseCurrency, string QuoteCurrency, [property: Rate] decimal Rate, decimal ProcessingFee, bool Enabled, DateTimeOffset UpdatedAt,
    string? UpdatedBy)
{
    public static FxRateView Of(FxRate r) => new(r.BaseCurrency, r.QuoteCurrency, r.Rate, r.ProcessingFee, r.Enabled, r.UpdatedAt, r.UpdatedBy);
}

public sealed record FxRateList(IEnumerable<FxRateView> Rates);
