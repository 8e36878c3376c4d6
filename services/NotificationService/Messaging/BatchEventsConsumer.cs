using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.NotificationService.Application;

namespace Payouts.NotificationService.Messaging;

/// <summary>BatchService's batch events (ready, approved, finished), told to the batch's company once each (the transactional inbox).</summary>
public sealed class BatchEventsConsumer(Notifier notifier) :
    IConsumer<BatchMarkedReady>,
    IConsumer<BatchApproved>,
    IConsumer<BatchFinished>
{
    public Task Consume(ConsumeContext<BatchMarkedReady> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<BatchApproved> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<BatchFinished> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);
}
