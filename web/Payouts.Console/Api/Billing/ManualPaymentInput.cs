using Payouts.Console.Api.Admin;

namespace Payouts.Console.Api.Billing;

/// <summary>
/// A manual payment a company user submits for an invoice: the method, the transaction reference of the money they sent
/// (required) and optional notes, within the lengths the billing API accepts.
/// </summary>
public sealed record ManualPaymentInput(long InvoiceId, string? PaymentMethod, string? TransactionReference, string? Notes) : IActionInput
{
    public const int MaxReferenceLength = 100;
    public const int MaxNotesLength = 500;

    public string Fingerprint => $"manual-payment\n{InvoiceId}\n{Clean(PaymentMethod)}\n{Clean(TransactionReference)}\n{Clean(Notes)}";

    public object ToBody() => new ManualPaymentBody(InvoiceId, Clean(PaymentMethod), Clean(TransactionReference), Clean(Notes));

    /// <summary>Null when the payment can be sent; else what is wrong with it, in words.</summary>
    public string? Problem =>
        Clean(PaymentMethod) is null ? "Choose how you paid."
        : Clean(TransactionReference) is not { } reference ? "The transaction reference is required."
        : reference.Length > MaxReferenceLength ? $"The transaction reference must be at most {MaxReferenceLength} characters."
        : Clean(Notes) is { Length: > MaxNotesLength } ? $"The notes must be at most {MaxNotesLength} characters."
        : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record ManualPaymentBody(long InvoiceId, string? PaymentMethod, string? TransactionReference, string? Notes);
}
