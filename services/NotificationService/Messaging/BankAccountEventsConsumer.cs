using MassTransit;
using Payouts.Contracts.BankAccounts;
using Payouts.NotificationService.Application;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Messaging;

/// <summary>
/// Bank-account events, told to the account's user once each (the transactional inbox). <c>BankAccountAdded</c> also
/// records whose the account is, because settlement's micro-deposit outcomes name only the account.
/// </summary>
public sealed class BankAccountEventsConsumer(NotificationsDbContext db, Notifier notifier) :
    IConsumer<BankAccountAdded>,
    IConsumer<BankAccountVerified>,
    IConsumer<BankAccountVerificationFailed>,
    IConsumer<MicroDepositsSent>,
    IConsumer<MicroDepositsFailed>
{
    public async Task Consume(ConsumeContext<BankAccountAdded> context)
    {
        var m = context.Message;
        var account = await db.BankAccounts.FindAsync([m.BankAccountId], context.CancellationToken);
        if (account is null)
        {
            db.BankAccounts.Add(new KnownBankAccount
            {
                Id = m.BankAccountId, UserId = m.UserId, CompanyId = m.CompanyId, BankName = m.BankName, MaskedAccountNumber = m.MaskedAccountNumber,
            });
        }
        else
        {
            // "Added (or replaced)": the latest details name the account from now on.
            (account.UserId, account.CompanyId, account.BankName, account.MaskedAccountNumber) = (m.UserId, m.CompanyId, m.BankName, m.MaskedAccountNumber);
        }

        await notifier.NotifyAsync(NotifiableEvents.Of(m), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<BankAccountVerified> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await db.BankAccounts.FindAsync([context.Message.BankAccountId], context.CancellationToken)), context.CancellationToken);

    /// <summary>Names the user itself, like <c>BankAccountVerified</c>: told even before the account is known here, then unnamed.</summary>
    public async Task Consume(ConsumeContext<BankAccountVerificationFailed> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await db.BankAccounts.FindAsync([context.Message.BankAccountId], context.CancellationToken)), context.CancellationToken);

    public async Task Consume(ConsumeContext<MicroDepositsSent> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await KnownAsync(context.Message.BankAccountId, context.CancellationToken)), context.CancellationToken);

    public async Task Consume(ConsumeContext<MicroDepositsFailed> context) =>
        await notifier.NotifyAsync(NotifiableEvents.Of(context.Message, await KnownAsync(context.Message.BankAccountId, context.CancellationToken)), context.CancellationToken);

    /// <summary>
    /// The account an outcome names. Its <c>BankAccountAdded</c> comes from another service's outbox and may not have been
    /// consumed yet: throwing retries the outcome (MessageRetry.Default), and one that never finds it waits in the error queue.
    /// </summary>
    private async Task<KnownBankAccount> KnownAsync(long bankAccountId, CancellationToken ct) =>
        await db.BankAccounts.FindAsync([bankAccountId], ct) ?? throw new UnknownBankAccountException(bankAccountId);
}

/// <summary>An event names a bank account whose <c>BankAccountAdded</c> this service has not consumed (yet).</summary>
public sealed class UnknownBankAccountException(long bankAccountId)
    : Exception($"Bank account {bankAccountId} is not known yet: its BankAccountAdded has not been consumed.");
