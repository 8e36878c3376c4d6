namespace Payouts.BatchService.Domain;

/// <summary>One payee of a batch (seed 001's "payee" or "recipient"): who, how much, and where their payment stands.</summary>
public sealed class BatchRecipient
{
    private BatchRecipient()
    {
    }

    public Guid Id { get; private set; }
    public Guid BatchId { get; private set; }

    /// <summary>1-based order of arrival in the batch, so lists read as the payees were sent.</summary>
    public int Position { get; private set; }

    public string Email { get; private set; } = "";
    public decimal Amount { get; private set; }
    public string? Memo { get; private set; }
    public string Status { get; private set; } = RecipientStatus.Pending;
    public string? FailureReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public const string InvalidEmailReason = "Invalid email format";
    public const string BatchCancelledReason = "Batch cancelled";

    /// <summary>A payee with an unpayable email is kept, as <see cref="RecipientStatus.Cancelled"/> (seed 001's create example).</summary>
    internal static BatchRecipient Of(Guid batchId, int position, NewPayee payee, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        BatchId = batchId,
        Position = position,
        Email = payee.Email,
        Amount = payee.Amount,
        Memo = payee.Memo,
        Status = payee.Valid ? RecipientStatus.Pending : RecipientStatus.Cancelled,
        FailureReason = payee.Valid ? null : InvalidEmailReason,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The recipient was paid; false when it already had an outcome (a redelivery changes nothing).</summary>
    public bool Complete(DateTimeOffset now)
    {
        if (Status != RecipientStatus.Pending) return false;
        Status = RecipientStatus.Completed;
        UpdatedAt = now;
        return true;
    }

    /// <summary>The recipient could not be paid; false when it already had an outcome (never undoes a payment).</summary>
    public bool Fail(string reason, DateTimeOffset now)
    {
        if (Status != RecipientStatus.Pending) return false;
        Status = RecipientStatus.Failed;
        FailureReason = reason;
        UpdatedAt = now;
        return true;
    }

    internal void Cancel(string reason, DateTimeOffset now)
    {
        Status = RecipientStatus.Cancelled;
        FailureReason = reason;
        UpdatedAt = now;
    }
}
