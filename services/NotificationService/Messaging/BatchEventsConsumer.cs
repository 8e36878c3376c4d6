using MassTransit;
using Payouts.Contracts.Batches;
using Payouts.NotificationService.Application;

namespace Payouts.NotificationService.Messaging;

/// <summary>BatchService's batch events, told to the batch's company once each (the transactional inbox).</summary>
public sealed class BatchEventsConsumer(Notifier notifier) : IConsumer<BatchApproved>
{
    public Task Consume(ConsumeContext<BatchApproved> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);
}
