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

    /// <summary>A reconciliation pass that learned nothing new; the transfer is looked at again after the minimum age.</summary>
    public void Reconciled(DateTimeOffset now)
    {
        ReconciliationAttempts++;
        UpdatedAt = now;
    }
}
