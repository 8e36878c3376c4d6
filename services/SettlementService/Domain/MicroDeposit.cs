using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Domain;

/// <summary>
/// One of a verification's two small deposits into a new bank account. Its payment reference is derived from the
/// verification, so a repeated command or a retry names the same transfer at the provider.
/// </summary>
public sealed class MicroDeposit
{
    private MicroDeposit()
    {
    }

    public Guid VerificationId { get; private set; }

    /// <summary>1 or 2.</summary>
    public int Sequence { get; private set; }

    public long BankAccountId { get; private set; }

    public string PaymentReference { get; private set; } = null!;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = null!;

    public string Status { get; private set; } = null!;

    public string? ProviderTransferId { get; private set; }

    public string? FailureCode { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static string ReferenceFor(Guid verificationId, int sequence) => $"MD-{verificationId:N}-{sequence}";

    public static MicroDeposit Create(Guid verificationId, int sequence, long bankAccountId, decimal amount, string currency, DateTimeOffset now) => new()
    {
        VerificationId = verificationId,
        Sequence = sequence,
        BankAccountId = bankAccountId,
        PaymentReference = ReferenceFor(verificationId, sequence),
        Amount = amount,
        Currency = currency,
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
        UpdatedAt = now;
    }

    /// <summary>Nothing reached the account for this deposit (the provider failed or refused it, or it was never sent).</summary>
    public void Fail(string code, string reason, string? providerTransferId, DateTimeOffset now)
    {
        Status = TransferStatus.Failed;
        ProviderTransferId = providerTransferId ?? ProviderTransferId;
        FailureCode = code;
        FailureReason = reason.Length > 200 ? reason[..200] : reason;
        UpdatedAt = now;
    }
}
