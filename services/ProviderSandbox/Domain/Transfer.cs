using System.Security.Cryptography;

namespace Payouts.ProviderSandbox.Domain;

/// <summary>
/// One transfer out of a debit account, unique per <see cref="PaymentReference"/>. A credit to its beneficiary
/// once <see cref="TransferStatus.Completed"/>.
/// </summary>
public sealed class Transfer
{
    private Transfer()
    {
    }

    /// <summary>The provider's id (<c>_id</c>): 24 hex digits, like the provider in seed 004.</summary>
    public string Id { get; private set; } = null!;

    public string PaymentReference { get; private set; } = null!;

    public string DebitAccountId { get; private set; } = null!;

    public string Rail { get; private set; } = null!;

    public string? BeneficiaryBankCode { get; private set; }

    public string? BeneficiaryAccountNumber { get; private set; }

    public string? BeneficiaryEmail { get; private set; }

    public string? BeneficiaryConnectedAccountId { get; private set; }

    /// <summary>Who is credited, whatever the rail: account number, lower-case email or connected account id.</summary>
    public string Destination { get; private set; } = null!;

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = null!;

    public string? Narration { get; private set; }

    public string Status { get; private set; } = null!;

    public string? FailureCode { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>Whether the amount left the debit account (and must go back if the transfer fails later).</summary>
    public bool Debited { get; private set; }

    /// <summary>When a <see cref="TransferStatus.Pending"/> transfer gets its final answer.</summary>
    public DateTimeOffset? ResolveAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Transfer Create(TransferInstruction instruction, DestinationBehavior behavior, DateTimeOffset now, TimeSpan delayedFailureAfter)
    {
        var transfer = new Transfer
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            PaymentReference = instruction.PaymentReference,
            DebitAccountId = instruction.DebitAccountId,
            Rail = instruction.Rail,
            BeneficiaryBankCode = instruction.BeneficiaryBankCode,
            BeneficiaryAccountNumber = instruction.BeneficiaryAccountNumber,
            BeneficiaryEmail = instruction.BeneficiaryEmail,
            BeneficiaryConnectedAccountId = instruction.BeneficiaryConnectedAccountId,
            Destination = instruction.Destination,
            Amount = instruction.Amount,
            Currency = instruction.Currency,
            Narration = instruction.Narration,
            CreatedAt = now,
            UpdatedAt = now,
        };

        switch (behavior)
        {
            case DestinationBehavior.Closed:
                transfer.Status = TransferStatus.Failed;
                transfer.FailureCode = FailureCodes.AccountClosed;
                transfer.FailureReason = "The beneficiary account is closed";
                break;
            case DestinationBehavior.FailsAfterDelay:
                transfer.Status = TransferStatus.Pending;
                transfer.Debited = true;
                transfer.ResolveAt = now + delayedFailureAfter;
                break;
            default:
                transfer.Status = TransferStatus.Completed;
                transfer.Debited = true;
                break;
        }

        return transfer;
    }

    /// <summary>Whether creating this transfer takes its amount from the debit account.</summary>
    public static bool Debits(DestinationBehavior behavior) => behavior != DestinationBehavior.Closed;

    /// <summary>The beneficiary bank's late refusal: the transfer fails and its debit is owed back (the caller refunds it).</summary>
    public void FailLate(DateTimeOffset now)
    {
        if (Status != TransferStatus.Pending)
        {
            throw new InvalidOperationException($"Transfer {Id} is {Status}, not pending.");
        }

        Status = TransferStatus.Failed;
        FailureCode = FailureCodes.BeneficiaryBankRejected;
        FailureReason = "The beneficiary bank rejected the transfer";
        ResolveAt = null;
        UpdatedAt = now;
    }
}
