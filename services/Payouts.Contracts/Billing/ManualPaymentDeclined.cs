namespace Payouts.Contracts.Billing;

/// <summary>
/// An admin declined a manual payment (seed 003) with <see cref="Reason"/>: nothing was credited and its invoice stays
/// unpaid. The account and references as in <see cref="ManualPaymentApproved"/>. Published by PayoutService through its
/// transactional outbox in the decision's transaction.
/// </summary>
public sealed record ManualPaymentDeclined(
    long PaymentId,
    long InvoiceId,
    string InvoiceNumber,
    string? CompanyId,
    string? UserId,
    decimal Amount,
    string Currency,
    string PaymentMethod,
    string TransactionReference,
    string Reason,
    DateTimeOffset DeclinedAt);
