using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.BankAccountService.Data;
using Payouts.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Messaging;
using Payouts.BankAccountService.Security;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Application;

/// <summary>Validated payment details to add to a beneficiary.</summary>
public sealed record BeneficiaryDetailsSubmission(string BankName, string HolderName, BankDestination Destination);

/// <summary>
/// Seed 002's beneficiary changes. Each runs in one retried transaction with its events in the outbox; changes to one
/// beneficiary and its details take the beneficiary's lock, so each is announced once and none is lost to a concurrent delete.
/// </summary>
public sealed partial class BeneficiaryUpdates(
    BankAccountsDbContext db, IPublishEndpoint publish, AccountNumberProtector protector, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock,
    ILogger<Beneficiary> beneficiaryLogger, ILogger<BeneficiaryDetails> detailsLogger)
{
    private const string UniqueViolation = "23505";

    public Task<Beneficiary> CreateAsync(Caller caller, BeneficiaryProfile profile) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var created = Beneficiary.Create(caller.Subject, caller.CompanyId, profile, clock.GetUtcNow());
            db.Beneficiaries.Add(created);
            await db.SaveChangesAsync();
            // The id exists only now; the event commits with the row.
            await publish.Publish(BeneficiaryMessages.Saved(created));
            await db.SaveChangesAsync();
            return created;
        });

    /// <summary>Null when the caller has no such live beneficiary.</summary>
    public Task<Beneficiary?> UpdateAsync(Caller caller, string id, BeneficiaryProfile profile) =>
        db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var found = await LockLiveAsync(id, caller);
            if (found is null) return null;

            found.Update(profile, clock.GetUtcNow());
            await publish.Publish(BeneficiaryMessages.Saved(found));
            await db.SaveChangesAsync();
            return found;
        });

    /// <summary>Deletes the beneficiary with its details; null when the caller has no such live beneficiary.</summary>
    public async Task<Beneficiary?> DeleteAsync(Caller caller, string id)
    {
        var removed = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var beneficiary = await LockLiveAsync(id, caller);
            if (beneficiary is null) return (Beneficiary: (Beneficiary?)null, Details: 0);

            var now = clock.GetUtcNow();
            beneficiary.Delete(now);
            // Its details go with it, each announced, so a consumer that tracks details alone stops paying them too.
            var details = await db.BeneficiaryDetails.Where(d => d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null).ToListAsync();
            foreach (var each in details)
            {
                each.Delete(now);
                await publish.Publish(BeneficiaryMessages.DetailsRemoved(each));
            }

            await publish.Publish(BeneficiaryMessages.Removed(beneficiary));
            await db.SaveChangesAsync();
            return (Beneficiary: (Beneficiary?)beneficiary, Details: details.Count);
        });

        if (removed.Beneficiary is { } deleted) LogRemoved(beneficiaryLogger, deleted.Id, deleted.UserId, removed.Details);
        return removed.Beneficiary;
    }

    public async Task<ApiOutcome<BeneficiaryDetails>> AddDetailsAsync(Caller caller, string id, BeneficiaryDetailsSubmission submission)
    {
        var destination = submission.Destination;
        var secrets = DestinationSecrets.Protect(protector, destination, BeneficiaryDetails.AccountNumberPurpose, BeneficiaryDetails.RoutingNumberPurpose);
        ApiOutcome<BeneficiaryDetails> outcome;
        try
        {
            outcome = await db.ExecuteInTransactionAsync<ApiOutcome<BeneficiaryDetails>>(async () =>
            {
                db.ChangeTracker.Clear();
                // Under the beneficiary's lock, so details are never added to one being deleted.
                var owner = await LockLiveAsync(id, caller);
                if (owner is null) return BeneficiaryErrors.NotFound;
                if (await db.BeneficiaryDetails.AnyAsync(d => d.BeneficiaryId == owner.Id && d.DeletedAt == null && d.Fingerprint == secrets.Fingerprint))
                {
                    return BeneficiaryErrors.DuplicateDetails;
                }

                var added = BeneficiaryDetails.Add(owner, submission.BankName, submission.HolderName, destination,
                    secrets.AccountNumberCiphertext, secrets.RoutingNumberCiphertext, secrets.Fingerprint, clock.GetUtcNow());
                db.BeneficiaryDetails.Add(added);
                await db.SaveChangesAsync();
                await publish.Publish(BeneficiaryMessages.DetailsAdded(added, owner.CompanyId));
                await db.SaveChangesAsync();
                return added;
            });
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // The same details committed by a concurrent request between our check and our insert.
            return BeneficiaryErrors.DuplicateDetails;
        }

        if (outcome.Value is { } details)
            LogDetailsAdded(detailsLogger, details.Id, details.BeneficiaryId, details.Destination.MaskedAccountNumber);
        return outcome;
    }

    /// <summary>Null when deleted; else the beneficiary or the details were not found.</summary>
    public async Task<ApiError?> DeleteDetailsAsync(Caller caller, string id, string detailsId)
    {
        if (!long.TryParse(detailsId, out var numericDetailsId))
        {
            return await BeneficiaryQueries.FindLiveAsync(db, id, caller, tracked: false) is null
                ? BeneficiaryErrors.NotFound
                : BeneficiaryErrors.DetailsNotFound;
        }

        return await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var beneficiary = await LockLiveAsync(id, caller);
            if (beneficiary is null) return BeneficiaryErrors.NotFound;

            var details = await db.BeneficiaryDetails.SingleOrDefaultAsync(d => d.Id == numericDetailsId && d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null);
            if (details is null) return BeneficiaryErrors.DetailsNotFound;

            details.Delete(clock.GetUtcNow());
            await publish.Publish(BeneficiaryMessages.DetailsRemoved(details));
            await db.SaveChangesAsync();
            return (ApiError?)null;
        });
    }

    /// <summary>Inside a transaction: the live beneficiary, tracked, after taking its lock.</summary>
    private async Task<Beneficiary?> LockLiveAsync(string id, Caller caller)
    {
        if (!long.TryParse(id, out var numericId)) return null;
        await db.LockForTransactionAsync("beneficiary:" + numericId);
        return await BeneficiaryQueries.FindLiveAsync(db, id, caller, tracked: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Beneficiary {BeneficiaryId} of user {UserId} deleted with {DetailsCount} payment details")]
    private static partial void LogRemoved(ILogger logger, long beneficiaryId, string userId, int detailsCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment details {BeneficiaryDetailsId} added to beneficiary {BeneficiaryId} ({MaskedAccountNumber})")]
    private static partial void LogDetailsAdded(ILogger logger, long beneficiaryDetailsId, long beneficiaryId, string maskedAccountNumber);
}
