using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Endpoints.Responses;

// Seed 003 (billing API) bodies, written by FamilyJson (Billing).

public sealed record InvoiceView(
    long Id, string InvoiceNumber, decimal Amount, string Currency, string Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt)
{
    public static InvoiceView Of(Invoice i) => new(i.Id, i.Number, i.Amount, i.Currency, i.Description, i.Status, i.CreatedAt, i.PaidAt);
}

public sealed record BillingPaymentView(
    long Id, long InvoiceId, decimal Amount, string Currency, string PaymentMethod, string Status, string TransactionReference, string? FailureReason,
    string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static BillingPaymentView Of(BillingPayment p) => new(p.Id, p.InvoiceId, p.Amount, p.Currency, p.PaymentMethod, p.Status,
        p.TransactionReference, p.FailureReason, p.Notes, p.CreatedAt, p.UpdatedAt);
}

/// <summary>Seed 003's list: <c>{success, count, results}</c>.</summary>
public sealed record BillingList<T>(bool Success, int Count, IReadOnlyList<T> Results)
{
    public static BillingList<T> Of(IReadOnlyList<T> results) => new(true, results.Count, results);
}

public sealed record InvoiceResponse(bool Success, InvoiceView Invoice);

public sealed record BillingPaymentResponse(bool Success, BillingPaymentView Payment);

public sealed record ManualPaymentSubmitted(bool Success, string Message, BillingPaymentView Payment);

public sealed record AvailableBillingMethod(string Id, string Name, string Instructions, string Country)
{
    public static AvailableBillingMethod Of(BillingMethodConfig m) => new(m.Method, m.Name, m.Instructions, m.Country);
}

public sealed record AvailableBillingMethods(bool Success, string? Country, IEnumerable<AvailableBillingMethod> Methods);

/// <summary>One currency of the account's wallet: what it can spend, and what is held for payouts and batches under way.</summary>
public sealed record WalletBalanceView(string Currency, decimal Available, decimal Held)
{
    public static WalletBalanceView Of(WalletBalance b) => new(b.Currency, b.Available, b.Held);
}

/// <summary>The caller's billing account (<c>company</c> or <c>user</c>, and its id) and its wallet per currency; none before any funding.</summary>
public sealed record BillingBalance(bool Success, string AccountType, string AccountId, IReadOnlyList<WalletBalanceView> Balances);
