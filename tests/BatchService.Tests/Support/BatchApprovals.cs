using MassTransit;
using Payouts.BatchService.Application;
using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Messaging;
using Payouts.Contracts.Batches;
using Payouts.Testing;

namespace Payouts.BatchService.Tests.Support;

/// <summary>
/// Starts and follows the batch saga as the approval endpoint would start it: <see cref="BatchApproved"/> built from the
/// batch's pending recipients, published on the real broker.
/// </summary>
public static class BatchApprovals
{
    /// <summary>Creates a batch of <paramref name="payees"/>, marks it ready and approves it; returns its id.</summary>
    public static async Task<Guid> ApprovedBatchAsync(this BatchServiceFixture fixture, HttpClient client, IEnumerable<object> payees)
    {
        var id = await client.CreateBatchAsync(payees);
        (await client.BulkPostAsync($"/v1/payouts/batches/{id}/ready", new { })).IsOk();
        await fixture.ApproveAsync(id);
        return id;
    }

    /// <summary>Publishes the batch's approval; with <paramref name="messageId"/> a redelivery of an earlier one.</summary>
    public static async Task<BatchApproved> ApproveAsync(this BatchServiceFixture fixture, Guid batchId, Guid? messageId = null)
    {
        var batch = await fixture.QueryAsync(db => db.Batches.AsNoTracking().Include(b => b.Recipients).SingleAsync(b => b.Id == batchId));
        var recipients = batch.Recipients.Where(r => r.Status == RecipientStatus.Pending).OrderBy(r => r.Position)
            .Select(r => new ApprovedRecipient(r.Id, r.Email, r.Amount, r.Memo)).ToList();
        var approved = new BatchApproved(batch.Id, batch.CompanyId, batch.Reference, recipients.Sum(r => r.Amount), batch.Currency, recipients,
            "42", fixture.Clock.GetUtcNow());
        await fixture.Bus.Publish(approved, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });
        return approved;
    }

    /// <summary>Waits until the saga has finished with the batch (its hold released, or its funds refused) and returns its row.</summary>
    public static Task<BatchState> FinishedSagaAsync(this BatchServiceFixture fixture, Guid batchId) =>
        Eventually.MatchAsync(
            () => fixture.QueryAsync(db => db.Set<BatchState>().AsNoTracking().SingleOrDefaultAsync(s => s.CorrelationId == batchId)),
            saga => saga?.CurrentState is "Released" or "Refused",
            $"the saga of batch {batchId} to finish", TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200),
            detail: async () => await fixture.QueryAsync(db => db.Set<BatchState>().AsNoTracking().Where(s => s.CorrelationId == batchId)
                .Select(s => $"state {s.CurrentState}, {s.RecipientCount} recipients, {s.PaidCount} paid, {s.FailedCount} failed").SingleAsync()))!;

    /// <summary>The batch's <see cref="BatchFinished"/> once the broker has delivered it.</summary>
    public static Task<BatchFinished> FinishedEventAsync(this BatchServiceFixture fixture, Guid batchId) =>
        Eventually.ValueAsync(() => Task.FromResult(fixture.Published.For<BatchFinished>(batchId).FirstOrDefault()), $"BatchFinished of batch {batchId}");

    /// <summary>The batch and its saga as the admin read shows them.</summary>
    public static Task<AdminBatch?> AdminReadAsync(this BatchServiceFixture fixture, Guid batchId) =>
        fixture.QueryAsync(db => new AdminBatchQueries(db).GetAsync(batchId, CancellationToken.None));

    /// <summary>Publishes <paramref name="message"/> on BatchService's bus and waits until its saga endpoint consumed it.</summary>
    public static async Task PublishAndWaitConsumedAsync<T>(this BatchServiceFixture fixture, T message) where T : class
    {
        var consumed = new ConsumedOnce<T>(message);
        using var _ = new DisconnectOnDispose(fixture.Bus.ConnectConsumeMessageObserver(consumed));
        await fixture.Bus.Publish(message);
        await consumed.Done.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private sealed class ConsumedOnce<T>(T expected) : IConsumeMessageObserver<T> where T : class
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => _done.Task;

        public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

        public Task PostConsume(ConsumeContext<T> context)
        {
            if (Equals(context.Message, expected)) _done.TrySetResult();
            return Task.CompletedTask;
        }

        // A fault may still be retried: the timeout tells when it never succeeds.
        public Task ConsumeFault(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
    }

    private sealed class DisconnectOnDispose(ConnectHandle handle) : IDisposable
    {
        public void Dispose() => handle.Disconnect();
    }
}
