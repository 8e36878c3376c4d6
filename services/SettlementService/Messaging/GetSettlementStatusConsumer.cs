using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Data;

namespace Payouts.SettlementService.Messaging;

/// <summary>Answers the payout saga's status query from our transfer record.</summary>
public sealed class GetSettlementStatusConsumer(SettlementDbContext db) : IConsumer<GetSettlementStatus>
{
    public async Task Consume(ConsumeContext<GetSettlementStatus> context)
    {
        var payoutId = context.Message.PayoutId;
        var transfer = await db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.PayoutId == payoutId, context.CancellationToken);
        await context.RespondAsync(transfer is null
            ? new SettlementStatus(payoutId, SettlementStatus.NotFound, null, null, null, null, null, null)
            : new SettlementStatus(payoutId, transfer.Status, transfer.ProviderTransferId, transfer.Amount, transfer.Currency,
                transfer.FailureCode, transfer.FailureReason, transfer.UpdatedAt));
    }
}
