using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.Payouts;
using Payouts.Contracts.Settlement;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Messaging;

/// <summary>
/// PayoutService's payout events, each told to the payout's user once: the transactional inbox skips a redelivered
/// message and commits the notification with its claim.
/// </summary>
public sealed class PayoutEventsConsumer(NotificationsDbContext db, Notifier notifier) :
    IConsumer<PayoutRequested>,
    IConsumer<PayoutProcessingStarted>,
    IConsumer<PayoutCompleted>,
    IConsumer<PayoutFailed>,
    IConsumer<PayoutRejected>,
    IConsumer<PayoutCancelled>
{
    public async Task Consume(ConsumeContext<PayoutRequested> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message,
            await DestinationAsync(context.Message.DestinationKind, context.Message.DestinationId, context.CancellationToken)), context.CancellationToken);

    public async Task Consume(ConsumeContext<PayoutProcessingStarted> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message,
            await DestinationAsync(context.Message.DestinationKind, context.Message.DestinationId, context.CancellationToken)), context.CancellationToken);

    public Task Consume(ConsumeContext<PayoutCompleted> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<PayoutFailed> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<PayoutRejected> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<PayoutCancelled> context) =>
        notifier.NotifyAsync(NotifiableEvents.Of(context.Message), context.CancellationToken);

    /// <summary>The bank account a payout goes to, to name it masked; a destination this service has not heard of is left unnamed.</summary>
    private async Task<KnownBankAccount?> DestinationAsync(DestinationKind? kind, long? id, CancellationToken ct) =>
        kind == DestinationKind.BankAccount && id is { } accountId
            ? await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct)
            : null;
}
