using Payouts.BatchService.Domain;
using Payouts.Contracts.Batches;
using Payouts.Data;

namespace Payouts.BatchService.Messaging;

/// <summary>
/// The events a batch's status change causes, built from the batch (and, at the end, the saga's counts); times as the
/// row keeps them.
/// </summary>
public static class BatchMessages
{
    /// <summary>What an approval would pay: the valid, pending recipients.</summary>
    public static BatchMarkedReady MarkedReady(Batch batch) =>
        new(batch.Id, batch.CompanyId, batch.Reference, batch.ActiveAmount, batch.Currency, batch.Count(RecipientStatus.Pending),
            StoredTime.Of(batch.UpdatedAt));

    /// <summary>The end as the saga counted it: its recipients' outcomes, folded in once each.</summary>
    public static BatchFinished Finished(Batch batch, BatchState saga) =>
        new(batch.Id, batch.CompanyId, batch.Reference, batch.Status, saga.Total, saga.Currency, saga.PaidCount, saga.PaidAmount, saga.FailedCount,
            saga.FailedAmount, saga.FailureReason, StoredTime.Of(batch.CompletedAt ?? batch.UpdatedAt));
}
