using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Messaging;
using Payouts.BankAccountService.Security;
using Payouts.Contracts;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Seed 000's bank account endpoints: add or replace, list, verify, delete. Bodies are form-encoded or JSON.</summary>
public static partial class BankAccountEndpoints
{
    private const int MaxTextLength = 100;
    private const string UniqueViolation = "23505";
    private static readonly string[] AccountTypes = ["checking", "savings"];

    public static IEndpointRouteBuilder MapBankAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/update/bank-account", UpdateBankAccount).RequireAuthorization();
        app.MapPost("/api/bank-accounts", ListBankAccounts).RequireAuthorization();
        app.MapPost("/api/bank-accounts/verify", VerifyBankAccount).RequireAuthorization();
        app.MapPost("/api/bank-accounts/delete", DeleteBankAccount).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> UpdateBankAccount(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, AccountNumberProtector protector, MicroDepositSeal seal,
        [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, IOptions<BankAccountOptions> options, ILogger<BankAccount> logger)
    {
        var caller = Caller.From(request.HttpContext.User);
        var (fields, bodyError) = await RequestFields.ReadAsync(request);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var bankName = fields.Text("bank_name", errors, MaxTextLength, required: true);
        var accountNumber = fields.Text("account_number", errors, 40, required: true);
        var routingNumber = fields.Text("routing_number", errors, 20, required: false);
        var bankCode = fields.Text("bank_code", errors, 11, required: false);
        var accountType = fields.Text("account_type", errors, 20, required: true);
        var holderName = fields.Text("account_holder_name", errors, MaxTextLength, required: true);
        var country = fields.Text("country", errors, 60, required: false);
        var currency = fields.Text("currency", errors, 3, required: false);
        var makePrimary = fields.Boolean("is_primary", errors);
        var replacesId = fields.Text("bank_account_id", errors, 40, required: false);
        var requestedUserId = fields.Text("user_id", errors, MaxTextLength, required: false);
        if (accountType is not null && !AccountTypes.Contains(accountType))
        {
            errors.Add("account_type", "The account type must be checking or savings.");
        }

        BankDestination? destination = null;
        if (!errors.Has("account_number") && !errors.Has("country"))
        {
            destination = BankDestination.Create(country, currency, accountNumber, routingNumber, bankCode, errors);
        }

        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var userId = caller.ActFor(requestedUserId);
        if (userId is null) return BankAccountErrors.NotFound.ToResult();

        var secrets = DestinationSecrets.Protect(protector, destination!, BankAccount.AccountNumberPurpose, BankAccount.RoutingNumberPurpose);
        var amounts = MicroDepositAmounts.Draw();
        var verificationId = Guid.NewGuid();
        var microDepositsHash = protector.Hash("micro-deposits", amounts.Canonical(verificationId));

        try
        {
            var result = await db.ExecuteInTransactionAsync<(BankAccount? Account, ApiError? Error, bool NewDeposits)>(async () =>
            {
                db.ChangeTracker.Clear();
                await BankAccountLocks.LockUserAsync(db, userId);
                var now = clock.GetUtcNow();

                BankAccount? replaced = null;
                if (replacesId is not null)
                {
                    replaced = await FindLiveAsync(db, replacesId, caller, userId);
                    if (replaced is null) return (null, BankAccountErrors.NotFound, false);
                }

                var replacedId = replaced?.Id ?? 0;
                var existing = await db.BankAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.DeletedAt == null
                    && a.Fingerprint == secrets.Fingerprint && a.Id != replacedId);
                var previousPrimary = await db.BankAccounts.SingleOrDefaultAsync(a => a.UserId == userId && a.DeletedAt == null && a.IsPrimary);
                if (existing is not null)
                {
                    // The same account again: new deposits when its verification can no longer succeed, else a duplicate.
                    if (replaced is not null) return (null, BankAccountErrors.Duplicate, false);
                    var restart = existing.RestartVerification(verificationId, microDepositsHash, options.Value.MaxDepositRounds, now);
                    if (restart == RestartOutcome.NotRestartable) return (null, BankAccountErrors.Duplicate, false);
                    if (restart == RestartOutcome.RoundsExhausted) return (null, BankAccountErrors.DepositRoundsExhausted, false);

                    existing.Rename(bankName!, holderName!, accountType!, now);
                    if (makePrimary == true && !existing.IsPrimary)
                    {
                        previousPrimary?.Demote(now);
                        await db.SaveChangesAsync();
                        existing.MakePrimary(now);
                        await publish.Publish(BankAccountMessages.PrimaryChanged(existing, previousPrimary, now));
                    }

                    await publish.Publish(BankAccountMessages.SendMicroDeposits(existing, amounts, seal));
                    await db.SaveChangesAsync();
                    return (existing, null, true);
                }

                var earlier = await db.BankAccounts.Where(a => a.UserId == userId && a.DeletedAt != null
                    && a.Fingerprint == secrets.Fingerprint).ToListAsync();
                if (replaced is not null && replaced.Fingerprint == secrets.Fingerprint) earlier.Add(replaced);
                var roundsSpent = BankAccount.RoundsSpentOn(earlier);
                if (roundsSpent >= options.Value.MaxDepositRounds) return (null, BankAccountErrors.DepositRoundsExhausted, false);

                var becomesPrimary = previousPrimary is null || previousPrimary == replaced || makePrimary == true;

                // The old primary steps down (and a replaced account goes) before the new row claims the per-user unique primary.
                if (replaced is not null)
                {
                    replaced.Delete(now);
                    await publish.Publish(BankAccountMessages.Deleted(replaced));
                }

                if (becomesPrimary && previousPrimary is not null && previousPrimary != replaced) previousPrimary.Demote(now);
                await db.SaveChangesAsync();

                var account = BankAccount.Open(userId, caller.UserId == userId ? caller.CompanyId : null, bankName!, holderName!, accountType!,
                    destination!, secrets.AccountNumberCiphertext, secrets.RoutingNumberCiphertext, secrets.Fingerprint,
                    verificationId, microDepositsHash, now, roundsSpent + 1);
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
                return (account, null, false);
            });

            if (result.Error is not null) return result.Error.ToResult();
            if (result.NewDeposits)
            {
                LogNewDeposits(logger, result.Account!.Id, userId, result.Account.VerificationRound);
                return Results.Ok(new
                {
                    status = "success",
                    message = "New verification deposits are on their way",
                    bank_account_id = result.Account.Id,
                    verification_status = result.Account.VerificationStatus,
                });
            }

            LogAdded(logger, result.Account!.Id, userId, AccountNumberMask.FromTail(result.Account.AccountNumberTail));
            return Results.Ok(new
            {
                status = "success",
                message = replacesId is null ? "Bank account added successfully" : "Bank account updated successfully",
                bank_account_id = result.Account.Id,
                verification_status = result.Account.VerificationStatus,
            });
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: UniqueViolation })
        {
            // Another request for the same account committed between our check and our insert.
            return BankAccountErrors.Duplicate.ToResult();
        }
    }

    private static async Task<IResult> ListBankAccounts(HttpRequest request, BankAccountsDbContext db)
    {
        var caller = Caller.From(request.HttpContext.User);
        var (fields, bodyError) = await RequestFields.ReadAsync(request);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var requestedUserId = fields.Text("user_id", errors, MaxTextLength, required: false);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var userId = caller.ActFor(requestedUserId);
        if (userId is null) return ApiError.NotFound("User not found").ToResult();

        var accounts = await db.BankAccounts.AsNoTracking()
            .Where(a => a.UserId == userId && a.DeletedAt == null)
            .OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id)
            .ToListAsync(request.HttpContext.RequestAborted);
        return Results.Ok(new { bank_accounts = accounts.Select(BankAccountJson.From) });
    }

    private static async Task<IResult> VerifyBankAccount(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, AccountNumberProtector protector, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, ILogger<BankAccount> logger)
    {
        var caller = Caller.From(request.HttpContext.User);
        var (fields, bodyError) = await RequestFields.ReadAsync(request);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var accountId = fields.Text("bank_account_id", errors, 40, required: true);
        var first = VerificationAmount(fields, "verification_amount_1", errors);
        var second = VerificationAmount(fields, "verification_amount_2", errors);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var (outcome, account) = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var found = await FindLiveAsync(db, accountId!, caller, userId: null);
            if (found is null) return ((VerificationOutcome?)null, (BankAccount?)null);

            // Serialise attempts per user so two concurrent wrong tries both count.
            await BankAccountLocks.LockUserAsync(db, found.UserId);
            await db.Entry(found).ReloadAsync();
            if (found.IsDeleted) return (null, null);

            var submitted = protector.Hash("micro-deposits", new MicroDepositAmounts(first!.Value, second!.Value).Canonical(found.VerificationId));
            var result = found.Verify(submitted, clock.GetUtcNow());
            if (result == VerificationOutcome.Verified) await publish.Publish(BankAccountMessages.Verified(found));
            await db.SaveChangesAsync();
            return (result, found);
        });

        if (outcome is null) return BankAccountErrors.NotFound.ToResult();
        LogVerification(logger, account!.Id, outcome.Value, account.FailedVerificationAttempts);
        return outcome.Value switch
        {
            VerificationOutcome.Verified => Results.Ok(new { status = "success", message = "Bank account verified successfully" }),
            VerificationOutcome.AlreadyVerified => BankAccountErrors.AlreadyVerified.ToResult(),
            VerificationOutcome.Locked => BankAccountErrors.VerificationFailed.ToResult(),
            VerificationOutcome.Expired => BankAccountErrors.VerificationExpired.ToResult(),
            VerificationOutcome.DepositsFailed => BankAccountErrors.DepositsFailed.ToResult(),
            _ => BankAccountErrors.AmountsMismatch(account.RemainingVerificationAttempts).ToResult(),
        };
    }

    private static async Task<IResult> DeleteBankAccount(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, ILogger<BankAccount> logger)
    {
        var caller = Caller.From(request.HttpContext.User);
        var (fields, bodyError) = await RequestFields.ReadAsync(request);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var accountId = fields.Text("bank_account_id", errors, 40, required: true);
        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var deleted = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var account = await FindLiveAsync(db, accountId!, caller, userId: null);
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

        if (deleted is null) return BankAccountErrors.NotFound.ToResult();
        LogDeleted(logger, deleted.Id, deleted.UserId);
        return Results.Ok(new { status = "success", message = "Bank account deleted successfully" });
    }

    /// <summary>A verification amount in 0.01–0.99 with at most two decimals, as cents.</summary>
    private static int? VerificationAmount(RequestFields fields, string field, FieldErrors errors)
    {
        var amount = fields.Decimal(field, errors, required: true);
        if (amount is null) return null;
        var cents = MicroDepositAmounts.ToCents(amount.Value);
        if (cents is null) errors.Add(field, "Verification amounts are between 0.01 and 0.99 with at most two decimals.");
        return cents;
    }

    /// <summary>
    /// A live account by numeric id or uuid that the caller may act on (their own; any for administrators), else null:
    /// someone else's account is indistinguishable from a missing one.
    /// </summary>
    private static Task<BankAccount?> FindLiveAsync(BankAccountsDbContext db, string id, Caller caller, string? userId)
    {
        var query = db.BankAccounts.Where(a => a.DeletedAt == null);
        if (long.TryParse(id, out var numericId)) query = query.Where(a => a.Id == numericId);
        else if (Guid.TryParse(id, out var uuid)) query = query.Where(a => a.Uuid == uuid);
        else return Task.FromResult<BankAccount?>(null);

        if (!caller.IsAdmin) query = query.Where(a => a.UserId == caller.UserId);
        if (userId is not null) query = query.Where(a => a.UserId == userId);
        return query.SingleOrDefaultAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank account {BankAccountId} added for user {UserId} ({MaskedAccountNumber})")]
    private static partial void LogAdded(ILogger logger, long bankAccountId, string userId, string maskedAccountNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "New micro-deposits for bank account {BankAccountId} of user {UserId} (round {Round})")]
    private static partial void LogNewDeposits(ILogger logger, long bankAccountId, string userId, int round);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification attempt on bank account {BankAccountId}: {Outcome} ({FailedAttempts} failed so far)")]
    private static partial void LogVerification(ILogger logger, long bankAccountId, VerificationOutcome outcome, int failedAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bank account {BankAccountId} of user {UserId} deleted")]
    private static partial void LogDeleted(ILogger logger, long bankAccountId, string userId);
}
