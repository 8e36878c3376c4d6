namespace Payouts.Console.Api.Billing;

// Seed 003 billing bodies (snake_case): {success, count, results} lists and {success, …} answers.

public sealed record BillingPaymentList(bool Success, int Count, IReadOnlyList<BillingPayment> Results);

public sealed record BillingPaymentAnswer(bool Success, BillingPayment Payment);

public sealed record BillingPayment(
    long Id, long InvoiceId, decimal Amount, string Currency, string PaymentMethod, string Status, string TransactionReference, string? FailureReason,
    string? Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record InvoiceList(bool Success, int Count, IReadOnlyList<Invoice> Results);

public sealed record Invoice(
    long Id, string InvoiceNumber, decimal Amount, string Currency, string Description, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt)
{
    public bool IsUnpaid => Status == "unpaid";
}

/// <summary>The caller's billing account and its wallet per currency (none before its first funding).</summary>
public sealed record WalletBalances(bool Success, string AccountType, string AccountId, IReadOnlyList<WalletBalance> Balances);

public sealed record WalletBalance(string Currency, decimal Available, decimal Held);

/// <summary>The manual methods the account's billing country offers.</summary>
public sealed record AvailableMethods(bool Success, string? Country, IReadOnlyList<PaymentMethodOption> Methods);

public sealed record PaymentMethodOption(string Id, string Name, string Instructions, string Country);

public sealed record ManualPaymentSubmitted(bool Success, string Message, BillingPayment Payment);
