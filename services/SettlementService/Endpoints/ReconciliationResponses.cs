using Payouts.SettlementService.Application;

namespace Payouts.SettlementService.Endpoints;

public sealed record ReconciliationReport(ReconciliationData Data)
{
    public bool Success => true;
}

public sealed record FinishedTransfersReport(FinishedTransfersData Data)
{
    public bool Success => true;
}
