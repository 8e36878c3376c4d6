namespace Payouts.SettlementService.Domain;

/// <summary>
/// A command that exhausted its retries and went to its <c>_error</c> queue (a poison message). Kept so the
/// reconciliation report shows it; the message itself stays in the error queue for an operator to move back.
/// </summary>
public sealed class SettlementFault
{
    private SettlementFault()
    {
    }

    public Guid FaultId { get; private set; }

    public string MessageType { get; private set; } = null!;

    /// <summary>The payout (or verification) the failed message concerned.</summary>
    public Guid SubjectId { get; private set; }

    public string Exception { get; private set; } = null!;

    public DateTimeOffset OccurredAt { get; private set; }

    public static SettlementFault Create(Guid faultId, string messageType, Guid subjectId, string exception, DateTimeOffset occurredAt) => new()
    {
        FaultId = faultId,
        MessageType = messageType,
        SubjectId = subjectId,
        Exception = exception.Length > 500 ? exception[..500] : exception,
        OccurredAt = occurredAt,
    };
}
