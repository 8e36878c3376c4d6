using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.Contracts.BankAccounts;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Messaging;

/// <summary>
/// Beneficiary profiles and removals from BankAccountService (seed 002). Profiles keep the newest <c>UpdatedAt</c>;
/// removals stick (a late profile or details event never revives them) and cancel pending payouts to the removed
/// details, releasing their holds, as a deleted bank account does. Runs in the inbox's transaction.
/// </summary>
public sealed class BeneficiaryEventsConsumer(PayoutsDbContext db, PayoutLifecycle lifecycle) :
    IConsumer<BeneficiarySaved>,
    IConsumer<BeneficiaryRemoved>,
    IConsumer<BeneficiaryDetailsRemoved>
{
    public async Task Consume(ConsumeContext<BeneficiarySaved> context)
    {
        var m = context.Message;
        var beneficiary = await FindOrAddAsync(m.BeneficiaryId, m.UserId, context.CancellationToken);
        beneficiary.Apply(m);
    }

    public async Task Consume(ConsumeContext<BeneficiaryRemoved> context)
    {
        var m = context.Message;
        var beneficiary = await FindOrAddAsync(m.BeneficiaryId, m.UserId, context.CancellationToken);
        beneficiary.Removed = true;
        beneficiary.RemovedAt ??= m.RemovedAt;
        var details = await db.BeneficiaryDestinations.Where(d => d.BeneficiaryId == m.BeneficiaryId).ToListAsync(context.CancellationToken);
        details.ForEach(d => d.Removed = true);
        await CancelPendingAsync(context, details.Select(d => d.Id).ToList(), "beneficiary removed");
    }

    public async Task Consume(ConsumeContext<BeneficiaryDetailsRemoved> context)
    {
        var m = context.Message;
        var details = await db.BeneficiaryDestinations.FirstOrDefaultAsync(d => d.Id == m.BeneficiaryDetailsId, context.CancellationToken);
        if (details is null)
        {
            // Removed before we heard of them: a tombstone, so the late BeneficiaryDetailsAdded cannot make them payable.
            details = new BeneficiaryDestinationView { Id = m.BeneficiaryDetailsId, BeneficiaryId = m.BeneficiaryId, UserId = m.UserId, AddedAt = m.RemovedAt };
            db.BeneficiaryDestinations.Add(details);
        }

        details.Removed = true;
        await CancelPendingAsync(context, [m.BeneficiaryDetailsId], "beneficiary details removed");
    }

    /// <summary>A pending payout to removed details can never be paid: cancel it and release its hold.</summary>
    private async Task CancelPendingAsync(ConsumeContext context, List<long> detailsIds, string reason)
    {
        // Saved first: a payout request waiting on these rows (FOR SHARE) then sees them removed.
        await db.SaveChangesAsync(context.CancellationToken);
        if (detailsIds.Count == 0) return;
        var pendingIds = await db.Payouts
            .Where(p => p.BeneficiaryDetailsId != null && detailsIds.Contains(p.BeneficiaryDetailsId.Value) && p.Status == PayoutStatus.Pending)
            .Select(p => p.Id).ToListAsync(context.CancellationToken);
        var publishing = lifecycle.For(context);
        foreach (var id in pendingIds)
        {
            var payout = await publishing.LockAsync(id.ToString(CultureInfo.InvariantCulture), context.CancellationToken);
            if (payout is { IsPending: true })
                await publishing.CancelAsync(payout, reason, context.CancellationToken);
        }
    }

    private async Task<BeneficiaryView> FindOrAddAsync(long id, string userId, CancellationToken cancellationToken)
    {
        var beneficiary = await db.Beneficiaries.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is not null) return beneficiary;
        beneficiary = new BeneficiaryView { Id = id, UserId = userId };
        db.Beneficiaries.Add(beneficiary);
        return beneficiary;
    }
}
