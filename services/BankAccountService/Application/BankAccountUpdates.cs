using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Messaging;
using Payouts.BankAccountService.Security;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Contracts.BankAccounts;

namespace Payouts.BankAccountService.Application;

/// <summary>
/// Seed 000's bank account changes: submit (add, replace, or new deposits for a known account), verify (verified, or
/// failed for good), delete. Each runs in one retried transaction under the owner's lock, with its events in the outbox.
/// </summary>
public sealed partial class BankAccountUpdates(
    BankAccountsDbContext db, IPublishEndpoint publish, AccountNumberProtector protector, MicroDepositSeal seal,
    [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, IOptions<BankAccountOptions> options, ILogger<BankAccount> logger)
{
    private const string UniqueViolation = "23505";

    public async Task<ApiOutcome<SubmittedBankAccount>> SubmitAsync(Caller caller, BankAccountSubmission submission)
    {
        var userId = caller.ActFor(submission.RequestedUserId);
        if (userId is null) return BankAccountErrors.NotFound;

        var destination = submission.Destination;
        var secrets = DestinationSecrets.Protect(protector, destination, BankAccount.AccountNumberPurpose, BankAccount.RoutingNumberPurpose);
        var amounts = MicroDepositAmounts.Draw();
        var verificationId = Guid.NewGuid();
        var microDepositsHash = protector.Hash("micro-deposits", amounts.Canonical(verificationId));

        ApiOutcome<SubmittedBankAccount> outcome;
        try
        {
            outcome = await db.ExecuteInTransactionAsync<ApiOutcome<SubmittedBankAccount>>(async () =>
            {
                db.ChangeTracker.Clear();
                await BankAccountLocks.LockUserAsync(db, userId);
                var now = clock.GetUtcNow();

                BankAccount? replaced = null;
                if (submission.ReplacesId is not null)
                {
                    replaced = await FindLiveAsync(submission.ReplacesId, caller, userId);
                    if (replaced is null) return BankAccountErrors.NotFound;
                }

                // Replacing an account with its own number and routing number is changing its details.
                BankAccount? current = replaced is not null && replaced.Fingerprint == secrets.Fingerprint ? replaced : null;
                if (current is not null) replaced = null;

                var replacedId = replaced?.Id ?? 0;
                var existing = current ?? await db.BankAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.DeletedAt == null
                    && a.Fingerprint == secrets.Fingerprint && a.Id != replacedId);
                var previousPrimary = await db.BankAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.DeletedAt == null && a.IsPrimary);
                if (existing is not null)
                {
                    // The user's account again: its details change in place (seed 000's Update Bank Account). Its verification
                    // stays, or starts again with new deposits when it can no longer succeed. A second account with it is a duplicate.
                    if (replaced is not null) return BankAccountErrors.Duplicate;
                    var restart = existing.RestartVerification(verificationId, microDepositsHash, options.Value.MaxDepositRounds, now);
                    if (restart == RestartOutcome.RoundsExhausted) return BankAccountErrors.DepositRoundsExhausted;

                    existing.Rename(submission.BankName, submission.HolderName, submission.AccountType, now);
                    await publish.Publish(BankAccountMessages.DetailsChanged(existing));
                    if (submission.MakePrimary == true && !existing.IsPrimary)
                    {
                        previousPrimary?.Demote(now);
                        await db.SaveChangesAsync();
                        existing.MakePrimary(now);
                        await publish.Publish(BankAccountMessages.PrimaryChanged(existing, previousPrimary, now));
                    }

                    var newDeposits = restart == RestartOutcome.Restarted;
                    if (newDeposits) await publish.Publish(BankAccountMessages.SendMicroDeposits(existing, amounts, seal));
                    await db.SaveChangesAsync();
                    return new SubmittedBankAccount(existing, newDeposits, ChangedInPlace: true);
                }

                var earlier = await db.BankAccounts.Where(a => a.UserId == userId && a.DeletedAt != null
                    && a.Fingerprint == secrets.Fingerprint).ToListAsync();
                if (replaced is not null && replaced.Fingerprint == secrets.Fingerprint) earlier.Add(replaced);
                var roundsSpent = BankAccount.RoundsSpentOn(earlier);
                if (roundsSpent >= options.Value.MaxDepositRounds) return BankAccountErrors.DepositRoundsExhausted;

                var becomesPrimary = previousPrimary is null || previousPrimary == replaced || submission.MakePrimary == true;

                // The old primary steps down (and a replaced account goes) before the new row claims the per-user unique primary.
                if (replaced is not null)
                {
                    replaced.Delete(now);
                    await publish.Publish(BankAccountMessages.Deleted(replaced));
                }

                if (becomesPrimary && previousPrimary is not null && previousPrimary != replaced) previousPrimary.Demote(now);
                await db.SaveChangesAsync();

                var account = BankAccount.Open(userId, caller.Subject == userId ? caller.CompanyId : null, submission.BankName,
                    submission.HolderName, submission.AccountType, destination, secrets.AccountNumberCiphertext, secrets.RoutingNumberCiphertext,
                    secrets.Fingerprint, verificationId, microDepositsHash, now, roundsSpent + 1);
                if (becomesPrimary) account.MakePrimary(now);
                db.BankAccounts.Add(account);
                await db.SaveChangesAsync();

                await publish.Publish(BankAccountMessages.Added(account));
                if (becomesPrimary && previousPrimary is not null)
                {
                    await publish.Publish(BankAccountMessages.PrimaryChanged(account, previousPrimary, now));
                }

                // Published (not sent to a queue name) so whichever settlement endpoint consumes it gets it.
                await publish.Publish(BankAccountMessages.SendMicroDeposits(account, amounts, seal));
                await db.SaveChangesAsync();
                return new SubmittedBankAccount(account, NewDeposits: false);
            });
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // Another request for the same account committed between our check and our insert.
            return BankAccountErrors.Duplicate;
        }

        if (outcome.Value is { NewDeposits: true, Account: var restarted })
            LogNewDeposits(logger, restarted.Id, userId, restarted.VerificationRound);
        else if (outcome.Value is { ChangedInPlace: true, Account: var changed })
            LogDetailsChanged(logger, changed.Id, userId);
        else if (outcome.Value is { Account: var added })
            LogAdded(logger, added.Id, userId, added.Destination.MaskedAccountNumber);
        return outcome;
    }

    /// <summary>Checks the submitted deposit amounts (in cents); null when the caller has no such live account.</summary>
    public async Task<(VerificationOutcome Outcome, BankAccount Account)?> VerifyAsync(Caller caller, string accountId, int firstCents, int secondCents)
    {
        var (outcome, account) = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var found = await FindLiveAsync(accountId, caller, userId: null);
            if (found is null) return ((VerificationOutcome?)null, (BankAccount?)null);

            // Serialise attempts per user so two concurrent wrong tries both count.
            await BankAccountLocks.LockUserAsync(db, found.UserId);
            await db.Entry(found).ReloadAsync();
            if (found.IsDeleted) return (null, null);

            var submitted = protector.Hash("micro-deposits", new MicroDepositAmounts(firstCents, secondCents).Canonical(found.VerificationId));
            var failedBefore = found.VerificationFailedForGood;
            var result = found.Verify(submitted, clock.GetUtcNow());
            if (result == VerificationOutcome.Verified) await publish.Publish(BankAccountMessages.Verified(found));
            // Only the attempt that ends the round (the last wrong one, or the first after the window): not each wrong try, nor the refusals after.
            if (!failedBefore && found.VerificationFailedForGood)
                await publish.Publish(BankAccountMessages.VerificationFailed(found, options.Value.MaxDepositRounds));
            await db.SaveChangesAsync();
            return (result, found);
        });

        if (outcome is null) return null;
        LogVerification(logger, account!.Id, outcome.Value, account.FailedVerificationAttempts);
        return (outcome.Value, account);
    }

    /// <summary>Deletes the account, handing primary to the best remaining one; null when the caller has no such live account.</summary>
    public async Task<BankAccount?> DeleteAsync(Caller caller, string accountId)
    {
        var deleted = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var account = await FindLiveAsync(accountId, caller, userId: null);
            if (account is null) return null;

            await BankAccountLocks.LockUserAsync(db, account.UserId);
            await db.Entry(account).ReloadAsync();
            if (account.IsDeleted) return null;

            var now = clock.GetUtcNow();
            var wasPrimary = account.IsPrimary;
            account.Delete(now);
            await publish.Publish(BankAccountMessages.Deleted(account));
            await db.SaveChangesAsync();

            if (wasPrimary)
            {
                // The most recently added remaining account takes over, so a user with accounts always has a primary one.
                var successor = await db.BankAccounts
                    .Where(a => a.UserId == account.UserId && a.DeletedAt == null)
                    .OrderByDescending(a => a.VerificationStatus == VerificationStatus.Verified).ThenByDescending(a => a.Id)
                    .FirstOrDefaultAsync();
                if (successor is not null)
                {
                    successor.MakePrimary(now);
                    await publish.Publish(BankAccountMessages.PrimaryChanged(successor, account, now));
                }
            }

            await db.SaveChangesAsync();
            return account;
        });

        if (deleted is not null) LogDeleted(logger, deleted.Id, deleted.UserId);
        return deleted;
    }

    /// <summary>
    /// A live account by numeric id or uuid that the caller may act on (their own; any for administrators), else null:
    /// someone else's account is indistinguishable from a missing one.
    /// </summary>
    private Task<BankAccount?> FindLiveAsync(string id, Caller caller, string? userId)
    {
        var query = db.BankAccounts.Where(a => a.DeletedAt == null);
        if (long.TryParse(id, out var numericId)) query = query.Where(a => a.Id == numericId);
        else if (Guid.TryParse(id, out var uuid)) query = query.Where(a => a.Uuid == uuid);
        else return Task.FromResult<BankAccount?>(null);

        if (!caller.IsAdmin) query = query.Where(a => a.UserId == caller.Subject);
        if (userId is not null) query = query.Where(a => a.UserId == userId);
        return query.SingleOrDefaultAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank account {BankAccountId} added for user {UserId} ({MaskedAccountNumber})")]
    private static partial void LogAdded(ILogger logger, long bankAccountId, string userId, string maskedAccountNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank account {BankAccountId} of user {UserId}: details changed in place")]
    private static partial void LogDetailsChanged(ILogger logger, long bankAccountId, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "New micro-deposits for bank account {BankAccountId} of user {UserId} (round {Round})")]
    private static partial void LogNewDeposits(ILogger logger, long bankAccountId, string userId, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification attempt on bank account {BankAccountId}: {Outcome} ({FailedAttempts} failed so far)")]
    private static partial void LogVerification(ILogger logger, long bankAccountId, VerificationOutcome outcome, int failedAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank account {BankAccountId} of user {UserId} deleted")]
    private static partial void LogDeleted(ILogger logger, long bankAccountId, string userId);
}
