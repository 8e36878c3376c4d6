using Payouts.Contracts.Settlement;

namespace Payouts.BankAccountService.Domain;

/// <summary>One answer to settlement's request for full destination details: who asked, for what, and whether it was payable.</summary>
public sealed class SettlementDestinationAudit
{
    private SettlementDestinationAudit()
    {
    }

    public long Id { get; private set; }
    public DestinationKind Kind { get; private set; }
    public long DestinationId { get; private set; }
    public Guid RequestedFor { get; private set; }
    public Guid? RequestId { get; private set; }
    public string? RequestedBy { get; private set; }
    public bool FullDetailsDisclosed { get; private set; }
    public string? NotPayableReason { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    public static SettlementDestinationAudit Record(
        GetSettlementDestination request, Guid? requestId, string? requestedBy, bool fullDetailsDisclosed, string? notPayableReason, DateTimeOffset now) => new()
    {
        Kind = request.Kind,
        DestinationId = request.DestinationId,
        RequestedFor = request.RequestedFor,
        RequestId = requestId,
        RequestedBy = requestedBy,
        FullDetailsDisclosed = fullDetailsDisclosed,
        NotPayableReason = notPayableReason,
        AnsweredAt = now,
    };
}
