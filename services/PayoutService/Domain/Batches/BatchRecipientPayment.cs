namespace Payouts.PayoutService.Domain.Batches;

/// <summary>
/// One bulk-batch recipient's payment (table batch_recipient_payments). Its key is BatchService's recipient id: a second
/// <c>PayBatchRecipient</c> for the recipient, whatever its message id, finds this row and pays nothing. An email
/// recipient's payout is tied back to it by <see cref="PayoutId"/> (unique).
/// </summary>
public sealed class BatchRecipientPayment
{
    public Guid RecipientId { get; set; }
    public Guid BatchId { get; set; }
    public required string CompanyId { get; set; }
    public required string Email { get; set; }
    public decimal Amount { get; set; }
    public required string Currency { get; set; }

    /// <summary><c>platform_user</c> or <c>email</c> (BatchRecipientRail); null when it failed before a rail was chosen.</summary>
    public string? Rail { get; set; }

    /// <summary>The platform user credited.</summary>
    public long? UserId { get; set; }

    /// <summary>The email-rail payout paying this recipient.</summary>
    public long? PayoutId { get; set; }

    public string Status { get; set; } = BatchRecipientPaymentStatus.Processing;
    public string? TransactionReference { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public bool IsFinished => Status != BatchRecipientPaymentStatus.Processing;

    public void Paid(string? transactionReference, DateTimeOffset now)
    {
        Status = BatchRecipientPaymentStatus.Paid;
        TransactionReference = transactionReference;
        FinishedAt = now;
    }

    public void Failed(string reason, DateTimeOffset now)
    {
        Status = BatchRecipientPaymentStatus.Failed;
        FailureReason = reason;
        FinishedAt = now;
    }
}

public static class BatchRecipientPaymentStatus
{
    /// <summary>Its email-rail payout is settling.</summary>
    public const string Processing = "processing";
    public const string Paid = "paid";
    public const string Failed = "failed";
}
