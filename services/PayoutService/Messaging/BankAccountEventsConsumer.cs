using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Keeps the bank-account read model in step with BankAccountService. Events may arrive out of order (Verified before
/// Added, or after BankAccountService's answer to a read-your-writes request), so each one only sets what it knows and
/// never undoes a later fact (verified and deleted stick; <see cref="BankAccountView.Apply(BankAccountAdded)"/>).
/// Runs in the inbox's transaction: a redelivered event is skipped, a failed one leaves nothing behind.
/// </summary>
public sealed class BankAccountEventsConsumer(PayoutsDbContext db, PayoutLifecycle lifecycle, TimeProvider clock) :
    IConsumer<BankAccountAdded>,
    IConsumer<BankAccountVerified>,
    IConsumer<BankAccountDetailsChanged>,
    IConsumer<BankAccountPrimaryChanged>,
    IConsumer<BankAccountDeleted>,
    IConsumer<BeneficiaryDetailsAdded>
{
    public async Task Consume(ConsumeContext<BankAccountAdded> context)
    {
        var m = context.Message;
        var account = await FindOrAddAsync(m.BankAccountId, m.BankAccountUuid, m.UserId, context.CancellationToken);
        account.Apply(m);
    }

    public async Task Consume(ConsumeContext<BankAccountVerified> context)
    {
        var m = context.Message;
        var account = await FindOrAddAsync(m.BankAccountId, m.BankAccountUuid, m.UserId, context.CancellationToken);
        account.Verified = true;
        account.UpdatedAt = Later(account.UpdatedAt, m.VerifiedAt);
    }

    public async Task Consume(ConsumeContext<BankAccountDetailsChanged> context)
    {
        var m = context.Message;
        var account = await FindOrAddAsync(m.BankAccountId, m.BankAccountUuid, m.UserId, context.CancellationToken);
        account.Apply(m);
    }

    public async Task Consume(ConsumeContext<BankAccountPrimaryChanged> context)
    {
        var m = context.Message;
        var account = await FindOrAddAsync(m.BankAccountId, m.BankAccountUuid, m.UserId, context.CancellationToken);
        account.IsPrimary = true;
        if (m.PreviousPrimaryBankAccountId is { } previousId
            && await db.BankAccounts.FirstOrDefaultAsync(a => a.Id == previousId, context.CancellationToken) is { } previous)
            previous.IsPrimary = false;
        account.UpdatedAt = Later(account.UpdatedAt, m.ChangedAt);
    }

    public async Task Consume(ConsumeContext<BankAccountDeleted> context)
    {
        var m = context.Message;
        var account = await FindOrAddAsync(m.BankAccountId, m.BankAccountUuid, m.UserId, context.CancellationToken);
        account.Deleted = true;
        account.IsPrimary = false;
        account.UpdatedAt = Later(account.UpdatedAt, m.DeletedAt);
        // Saved first: a payout request waiting on this row (FOR SHARE) then sees it deleted.
        await db.SaveChangesAsync(context.CancellationToken);

        // A pending payout to a deleted account can never be paid: cancel it and release its hold.
        var pendingIds = await db.Payouts.Where(p => p.BankAccountId == m.BankAccountId && p.Status == PayoutStatus.Pending)
            .Select(p => p.Id).ToListAsync(context.CancellationToken);
        foreach (var id in pendingIds)
        {
            var payout = await lifecycle.For(context).LockAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture), context.CancellationToken);
            if (payout is { IsPending: true })
                await lifecycle.For(context).CancelAsync(payout, "bank account deleted", context.CancellationToken);
        }
    }

    public async Task Consume(ConsumeContext<BeneficiaryDetailsAdded> context)
    {
        var m = context.Message;
        var details = await db.BeneficiaryDestinations.FirstOrDefaultAsync(d => d.Id == m.BeneficiaryDetailsId, context.CancellationToken);
        if (details is null)
        {
            details = new BeneficiaryDestinationView { Id = m.BeneficiaryDetailsId, UserId = m.UserId };
            db.BeneficiaryDestinations.Add(details);
        }

        details.Apply(m);
    }

    private async Task<BankAccountView> FindOrAddAsync(long id, Guid uuid, string userId, CancellationToken cancellationToken)
    {
        var account = await db.BankAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is not null) return account;
        account = new BankAccountView { Id = id, Uuid = uuid, UserId = userId, UpdatedAt = clock.GetUtcNow() };
        db.BankAccounts.Add(account);
        return account;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
