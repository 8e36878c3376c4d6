using Payouts.Contracts.Settlement;

namespace Payouts.SettlementService.Domain;

/// <summary>What an operator asks for when closing a transfer by hand, and who asks.</summary>
public sealed class OperatorResolution
{
    /// <summary>The failure code of a transfer an operator failed.</summary>
    public const string FailureCode = "resolved_by_operator";

    public const int MaxNoteLength = 500;

    public const int MaxResolvedByLength = 100;

    public static readonly IReadOnlyList<string> Outcomes = [TransferStatus.Completed, TransferStatus.Failed];

    /// <param name="outcome"><see cref="TransferStatus.Completed"/> or <see cref="TransferStatus.Failed"/>.</param>
    /// <param name="resolvedBy">The operator's token subject.</param>
    /// <param name="note">Why; kept on the transfer, and the failure reason of a failed one.</param>
    public OperatorResolution(string outcome, string resolvedBy, string note)
    {
        if (!Outcomes.Contains(outcome)) throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome an operator can choose.");
        ArgumentException.ThrowIfNullOrWhiteSpace(resolvedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resolvedBy.Length, MaxResolvedByLength, nameof(resolvedBy));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(note.Length, MaxNoteLength, nameof(note));
        Outcome = outcome;
        ResolvedBy = resolvedBy;
        Note = note;
    }

    public string Outcome { get; }

    public string ResolvedBy { get; }

    public string Note { get; }
}
