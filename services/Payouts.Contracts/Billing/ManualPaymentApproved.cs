namespace Payouts.Contracts.Billing;

/// <summary>
/// An admin approved a manual payment (seed 003): its invoice is paid and the billing account's wallet credited with
/// <see cref="Amount"/>. The account is a company (<see cref="CompanyId"/>) or an individual user (<see cref="UserId"/>),
/// exactly one of them. <see cref="InvoiceNumber"/> (<c>INV-2026-0001</c>) is the reference people know it by;
/// <see cref="TransactionReference"/> is the payer's own reference for their transfer. Published by PayoutService through
/// its transactional outbox in the approval's transaction.
/// </summary>
public sealed record ManualPaymentApproved(
    long PaymentId,
    long InvoiceId,
    string InvoiceNumber,
    string? CompanyId,
    string? UserId,
    decimal Amount,
    string Currency,
    string PaymentMethod,
    string TransactionReference,
    DateTimeOffset ApprovedAt);
