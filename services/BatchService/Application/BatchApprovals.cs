using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Security;
using Payouts.Contracts.Batches;
using Payouts.Data;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>
/// A company user approves a <c>ready</c> batch with a current code of their confirmed second factor. The user's factor
/// and the batch are locked until commit; the batch's change and the <see cref="BatchApproved"/> event the batch saga
/// starts from commit together (transactional outbox). Every refusal leaves the batch as it was; a wrong code is counted
/// towards the user's lock, and that count is the one thing a refusal writes.
/// </summary>
public sealed class BatchApprovals(BatchesDbContext db, TwoFactorSecrets secrets, IOptions<TwoFactorPolicy> policy, IPublishEndpoint publish, TimeProvider clock)
{
    public Task<ApiOutcome<Batch>> ApproveAsync(string companyId, string subject, Guid batchId, string code, CancellationToken ct) =>
        db.ExecuteInTransactionAsync<ApiOutcome<Batch>>(async () =>
        {
            db.ChangeTracker.Clear();
            var enrollment = await TwoFactorLocks.LockAsync(db, companyId, subject, ct);
            if (enrollment is null) return TwoFactorErrors.NotEnrolled;
            if (!enrollment.IsConfirmed) return TwoFactorErrors.NotConfirmed;
            var now = StoredTime.Of(clock.GetUtcNow());
            if (enrollment.IsLockedAt(now)) return TwoFactorErrors.Locked(enrollment.LockedUntil!.Value, now);

            // The batch is checked before the code, so a code is not spent (nor a failure counted) on a batch that cannot be approved.
            if (await BatchLocks.LockAsync(db, companyId, batchId, ct) is not { } batch) return BatchErrors.NotFound;
            if (batch.CheckApprove() is { } violation) return BatchErrors.Of(violation);

            var check = enrollment.Check(secrets.Reveal(enrollment), code, now, policy.Value);
            if (check != CodeCheck.Accepted)
            {
                await db.SaveChangesAsync(ct);
                return check == CodeCheck.Locked ? TwoFactorErrors.Locked(enrollment.LockedUntil!.Value, now) : TwoFactorErrors.InvalidCode;
            }

            batch.Approve(subject, now);
            await publish.Publish(Approved(batch), ct);
            await db.SaveChangesAsync(ct);
            return batch;
        }, ct);

    /// <summary>The saga pays the valid, pending recipients only; the total is theirs.</summary>
    private static BatchApproved Approved(Batch batch)
    {
        var recipients = batch.Recipients.Where(r => r.Status == RecipientStatus.Pending)
            .Select(r => new ApprovedRecipient(r.Id, r.Email, r.Amount, r.Memo)).ToList();
        return new BatchApproved(batch.Id, batch.CompanyId, batch.Reference, recipients.Sum(r => r.Amount), batch.Currency, recipients,
            batch.ApprovedBy!, batch.ApprovedAt!.Value);
    }
}
