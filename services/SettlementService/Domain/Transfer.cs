using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Domain;

/// <summary>
/// The one transfer of a payout: keyed by the payout's uuid, which is also the provider payment reference, so that
/// every attempt (retries, redeliveries, duplicates) names the same transfer at the provider.
/// </summary>
public sealed class Transfer
{
    private Transfer()
    {
    }

    public long Id { get; private set; }

    public Guid PayoutId { get; private set; }

    public string PaymentReference { get; private set; } = null!;

    public DestinationKind DestinationKind { get; private set; }

    public long DestinationId { get; private set; }

    public string? BeneficiaryBankCode { get; private set; }

    /// <summary>
    /// The beneficiary masked for its rail (<c>****1234</c>, <c>j***@example.com</c>, <c>acct_****1234</c>): the full
    /// number or handle is never stored here.
    /// </summary>
    public string BeneficiaryMasked { get; private set; } = null!;

    /// <summary>The provider rail, from the kind of destination.</summary>
    public string Rail => Rails.For(DestinationKind);

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = null!;

    public string Narration { get; private set; } = null!;

    public string Status { get; private set; } = null!;

    public string? ProviderTransferId { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureReason { get; private set; }

    public int ReconciliationAttempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The operator (token <c>sub</c>) who closed the transfer by hand; null when the provider's answer did.</summary>
    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The outcome the operator asked for: <c>completed</c> or <c>failed</c>.</summary>
    public string? Resolution { get; private set; }

    public string? ResolutionNote { get; private set; }

    public static string ReferenceFor(Guid payoutId) => payoutId.ToString("D");

    public static Transfer Start(SettlePayout command, Beneficiary beneficiary, DateTimeOffset now) => new()
    {
        PayoutId = command.PayoutId,
        PaymentReference = ReferenceFor(command.PayoutId),
        DestinationKind = command.DestinationKind,
        DestinationId = command.DestinationId,
        BeneficiaryBankCode = beneficiary.BankCode,
        BeneficiaryMasked = beneficiary.Masked,
        Amount = command.Amount,
        Currency = command.Currency,
        Narration = command.Narration,
        Status = TransferStatus.Sending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Complete(string providerTransferId, DateTimeOffset now)
    {
        Status = TransferStatus.Completed;
        ProviderTransferId = providerTransferId;
        FailureCode = null;
        FailureReason = null;
        CompletedAt = now;
        UpdatedAt = now;
    }

    public void Fail(string code, string reason, string? providerTransferId, DateTimeOffset now)
    {
        Status = TransferStatus.Failed;
        ProviderTransferId = providerTransferId ?? ProviderTransferId;
        FailureCode = code;
        FailureReason = reason.Length > 200 ? reason[..200] : reason;
        CompletedAt = now;
        UpdatedAt = now;
    }

    public void AwaitProvider(string providerTransferId, DateTimeOffset now)
    {
        Status = TransferStatus.Pending;
        ProviderTransferId = providerTransferId;
        UpdatedAt = now;
    }

    public void MarkUnknown(string reason, DateTimeOffset now)
    {
        Status = TransferStatus.Unknown;
        FailureReason = reason.Length > 200 ? reason[..200] : reason;
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether an operator may close it by hand: only an open transfer. A final one has told the payout already; a
    /// sending one is a worker's, whose provider call is still to be recorded.
    /// </summary>
    public bool IsOpen => Status is TransferStatus.Pending or TransferStatus.Unknown;

    /// <summary>
    /// Whether the provider's record allows closing it as <paramref name="outcome"/>: completed only when the provider
    /// completed it (the money left); failed only when the provider failed it or holds nothing (nothing was paid), so
    /// money that left is never released to the user again. <paramref name="providerStatus"/> null: no transfer there.
    /// </summary>
    public static bool ProviderAllows(string outcome, string? providerStatus) => outcome switch
    {
        TransferStatus.Completed => providerStatus == TransferStatus.Completed,
        TransferStatus.Failed => providerStatus is null or TransferStatus.Failed,
        _ => false,
    };

    /// <summary>
    /// Whether the provider's "no such transfer" is final: the transfer was sent at least <paramref name="callWindow"/>
    /// ago, so no call of ours can still reach the provider and make it (the sweep waits the same before failing one).
    /// </summary>
    public bool SentBefore(DateTimeOffset now, TimeSpan callWindow) => CreatedAt <= now - callWindow;

    /// <summary>
    /// An operator closes an open transfer the automatic path cannot (e.g. a flagged amount), on the provider's live
    /// answer. Completed keeps our amount (the operator accepts the provider's); failed carries the note as the reason.
    /// </summary>
    /// <param name="providerStatus">The provider's status for the payment reference; null when it holds no transfer.</param>
    /// <param name="providerTransferId">The provider's transfer id; required to complete.</param>
    public void Resolve(OperatorResolution resolution, string? providerStatus, string? providerTransferId, DateTimeOffset now)
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Transfer of payout {PayoutId} is {Status}; only a pending or unknown transfer can be resolved.");
        if (!ProviderAllows(resolution.Outcome, providerStatus))
            throw new InvalidOperationException($"The provider's '{providerStatus ?? "no transfer"}' does not allow resolving payout {PayoutId} as {resolution.Outcome}.");

        if (resolution.Outcome == TransferStatus.Completed)
        {
            Complete(providerTransferId ?? throw new ArgumentNullException(nameof(providerTransferId)), now);
        }
        else
        {
            Fail(OperatorResolution.FailureCode, resolution.Note, providerTransferId, now);
        }

        ResolvedBy = resolution.ResolvedBy;
        ResolvedAt = now;
        Resolution = resolution.Outcome;
        ResolutionNote = resolution.Note;
    }

    /// <summary>A reconciliation pass that learned nothing new; the transfer is looked at again after the minimum age.</summary>
    public void Reconciled(DateTimeOffset now)
    {
        ReconciliationAttempts++;
        UpdatedAt = now;
    }
}
