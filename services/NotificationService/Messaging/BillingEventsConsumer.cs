using MassTransit;
using Payouts.Contracts.Billing;
using Payouts.NotificationService.Application;

namespace Payouts.NotificationService.Messaging;

/// <summary>
/// PayoutService's billing events: an admin's decision on a manual payment, told to the billing account (a company's
/// members, or the individual user) once each (the transactional inbox).
/// </summary>
public sealed class BillingEventsConsumer(Notifier notifier) :
    IConsumer<ManualPaymentApproved>,
    IConsumer<ManualPaymentDeclined>
{
    public Task Consume(ConsumeContext<ManualPaymentApproved> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<ManualPaymentDeclined> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);
}
