namespace Payouts.BatchService.Domain;

/// <summary>
/// A company's bulk payout (seed 001): a unique payment reference and up to <see cref="BatchLimits.MaxRecipients"/> payees,
/// added while it is a draft, then marked ready for approval on the platform, or cancelled.
/// </summary>
public sealed class Batch
{
    private readonly List<BatchRecipient> _recipients = [];

    private Batch()
    {
    }

    public Guid Id { get; private set; }
    public string CompanyId { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public string Status { get; private set; } = BatchStatus.Draft;
    public string Currency { get; private set; } = BatchLimits.Currency;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The company user (token subject) who approved the batch with their second factor.</summary>
    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    /// <summary>In the order they were added.</summary>
    public IReadOnlyList<BatchRecipient> Recipients => _recipients;

    public int RemainingCapacity => BatchLimits.MaxRecipients - _recipients.Count;

    /// <summary>What the batch pays out: every recipient not cancelled (seed 001: 350.50 of its three payees' 400.50).</summary>
    public decimal TotalAmount => _recipients.Where(r => r.Status != RecipientStatus.Cancelled).Sum(r => r.Amount);

    /// <summary>What is still to be paid: the pending recipients; the wallet must cover it.</summary>
    public decimal ActiveAmount => _recipients.Where(r => r.Status == RecipientStatus.Pending).Sum(r => r.Amount);

    public int Count(string recipientStatus) => _recipients.Count(r => r.Status == recipientStatus);

    public static Batch Create(string companyId, string reference, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        CompanyId = companyId,
        Reference = reference,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>The active amount once <paramref name="payees"/> are added: what the wallet must cover before they are.</summary>
    public decimal ActiveAmountWith(IEnumerable<NewPayee> payees) =>
        ActiveAmount + payees.Where(p => p.Valid).Sum(p => p.Amount);

    /// <summary>Why <paramref name="payees"/> cannot be added, or null when they can.</summary>
    public BatchRuleViolation? CheckAdd(IReadOnlyCollection<NewPayee> payees)
    {
        if (Status != BatchStatus.Draft)
            return BatchRuleViolation.WrongStatus($"Recipients can only be added to a draft batch; this batch is {Status}");
        if (payees.Count > RemainingCapacity)
            return BatchRuleViolation.Invalid(
                $"A batch holds at most {BatchLimits.MaxRecipients} payees: this one has {_recipients.Count}, so {payees.Count} more would make "
                + $"{_recipients.Count + payees.Count}. Create another batch for the rest");
        return null;
    }

    /// <summary>Adds the payees after <see cref="CheckAdd"/> passed; returns them as recipients, in order.</summary>
    public IReadOnlyList<BatchRecipient> Add(IReadOnlyCollection<NewPayee> payees, DateTimeOffset now)
    {
        if (CheckAdd(payees) is { } violation) throw new InvalidOperationException(violation.Message);
        var added = payees.Select((payee, i) => BatchRecipient.Of(Id, _recipients.Count + i + 1, payee, now)).ToList();
        _recipients.AddRange(added);
        UpdatedAt = now;
        return added;
    }

    /// <summary>The company marks the draft final: it can no longer grow and awaits approval on the platform.</summary>
    public BatchRuleViolation? MarkReady(DateTimeOffset now)
    {
        if (Status != BatchStatus.Draft)
            return BatchRuleViolation.WrongStatus($"Only a draft batch can be marked ready; this batch is {Status}");
        if (Count(RecipientStatus.Pending) == 0)
            return BatchRuleViolation.WrongStatus("A batch needs at least one valid payee to be marked ready");
        Status = BatchStatus.Ready;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Why the batch cannot be approved now, or null when it can: only a ready batch, and only once.</summary>
    public BatchRuleViolation? CheckApprove() =>
        ApprovedAt is not null ? BatchRuleViolation.WrongStatus($"This batch is already approved; it is {Status}")
        : Status != BatchStatus.Ready ? BatchRuleViolation.WrongStatus($"Only a ready batch can be approved; this batch is {Status}")
        : null;

    /// <summary>
    /// Approved with a second factor: the batch goes to <see cref="BatchStatus.Processing"/> at once (seed 001 has no
    /// "approved" status; the batch saga takes it from there, README) and can no longer be cancelled.
    /// </summary>
    public void Approve(string approvedBy, DateTimeOffset now)
    {
        if (CheckApprove() is { } violation) throw new InvalidOperationException(violation.Message);
        Status = BatchStatus.Processing;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
        UpdatedAt = now;
    }

    /// <summary>A draft or ready batch is cancelled with every pending recipient; nothing was paid or held yet.</summary>
    public BatchRuleViolation? Cancel(DateTimeOffset now)
    {
        if (Status is not (BatchStatus.Draft or BatchStatus.Ready))
            return BatchRuleViolation.WrongStatus($"Only a draft or ready batch can be cancelled; this batch is {Status}");
        foreach (var recipient in _recipients.Where(r => r.Status == RecipientStatus.Pending)) recipient.Cancel(BatchRecipient.BatchCancelledReason, now);
        Status = BatchStatus.Cancelled;
        UpdatedAt = now;
        return null;
    }

    /// <summary>Approved and its funds held: the recipients are being paid. A batch that already ended stays as it ended.</summary>
    public void StartProcessing(DateTimeOffset now)
    {
        if (HasEnded) return;
        Status = BatchStatus.Processing;
        UpdatedAt = now;
    }

    /// <summary>Every recipient has an outcome: completed, or failed when none could be paid. Once only.</summary>
    public void Finish(bool anyPaid, DateTimeOffset now)
    {
        if (HasEnded) return;
        Status = anyPaid ? BatchStatus.Completed : BatchStatus.Failed;
        CompletedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Nothing can be paid (the wallet refused the hold): every pending recipient fails with <paramref name="reason"/>, then the batch.</summary>
    public void FailAll(string reason, DateTimeOffset now)
    {
        if (HasEnded) return;
        foreach (var recipient in _recipients) recipient.Fail(reason, now);
        Finish(anyPaid: false, now);
    }

    /// <summary>Completed, failed or cancelled: no later message changes it.</summary>
    public bool HasEnded => Status is BatchStatus.Completed or BatchStatus.Failed or BatchStatus.Cancelled;
}
