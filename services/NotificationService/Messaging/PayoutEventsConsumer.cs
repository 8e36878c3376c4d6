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
/// message and commits the notification with its claim. A company user's payout is also its company's (webhooks):
/// each event names the company.
/// </summary>
public sealed class PayoutEventsConsumer(NotificationsDbContext db, Notifier notifier) :
    IConsumer<PayoutRequested>,
    IConsumer<PayoutProcessingStarted>,
    IConsumer<PayoutCompleted>,
    IConsumer<PayoutFailed>,
    IConsumer<PayoutRejected>,
    IConsumer<PayoutCancelled>
{
    public async Task Consume(ConsumeContext<PayoutRequested> context)
    {
        if (context.Message.CompanyId is { } companyId
            && await db.PayoutCompanies.FindAsync([context.Message.PayoutId], context.CancellationToken) is null)
        {
            db.PayoutCompanies.Add(new KnownPayout { Id = context.Message.PayoutId, CompanyId = companyId });
        }

        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message,
            await DestinationAsync(context.Message.DestinationKind, context.Message.DestinationId, context.CancellationToken)), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<PayoutProcessingStarted> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message,
            await DestinationAsync(context.Message.DestinationKind, context.Message.DestinationId, context.CancellationToken),
            await CompanyOfAsync(context.Message.PayoutId, context.Message.CompanyId, context.CancellationToken)), context.CancellationToken);

    public async Task Consume(ConsumeContext<PayoutCompleted> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await CompanyOfAsync(context.Message.PayoutId, context.Message.CompanyId, context.CancellationToken),
            await DestinationAsync(context.Message.DestinationKind, context.Message.DestinationId, context.CancellationToken)), context.CancellationToken);

    public async Task Consume(ConsumeContext<PayoutFailed> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await CompanyOfAsync(context.Message.PayoutId, context.Message.CompanyId, context.CancellationToken)),
            context.CancellationToken);

    public async Task Consume(ConsumeContext<PayoutRejected> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await CompanyOfAsync(context.Message.PayoutId, context.Message.CompanyId, context.CancellationToken)),
            context.CancellationToken);

    public async Task Consume(ConsumeContext<PayoutCancelled> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await CompanyOfAsync(context.Message.PayoutId, context.Message.CompanyId, context.CancellationToken)),
            context.CancellationToken);

    /// <summary>
    /// The payout's company: the event names it; one published before events carried it is looked up in what its
    /// <c>PayoutRequested</c> named (if that has arrived).
    /// </summary>
    private async Task<string?> CompanyOfAsync(Guid payoutId, string? named, CancellationToken ct) =>
        named ?? (await db.PayoutCompanies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == payoutId, ct))?.CompanyId;

    /// <summary>The bank account a payout goes to, to name it masked; a destination this service has not heard of is left unnamed.</summary>
    private async Task<KnownBankAccount?> DestinationAsync(DestinationKind? kind, long? id, CancellationToken ct) =>
        kind == DestinationKind.BankAccount && id is { } accountId
            ? await db.BankAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct)
            : null;
}
