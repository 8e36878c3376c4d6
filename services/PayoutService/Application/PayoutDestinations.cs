using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.Contracts.BankAccounts;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>
/// A payout's destination as fresh as the request needs (read-your-writes): the read model's copy when it already says
/// enough, else BankAccountService's answer over the bus (<see cref="GetBankAccount"/>, <see cref="GetBeneficiaryDetails"/>),
/// merged into the read model by the same rules as the events (<see cref="BankAccountView.Apply(BankAccountFound)"/>), so
/// an account the user was just told exists is payable at once and the read model never moves backwards.
/// </summary>
public sealed partial class PayoutDestinations(
    PayoutsDbContext db, IServiceScopeFactory scopes, IRequestClient<GetBankAccount> bankAccounts, IRequestClient<GetBeneficiaryDetails> beneficiaryDetails,
    ILogger<PayoutDestinations> logger)
{
    /// <summary>503 in the family's envelope: better than a hang, and unlike "not found" it does not claim anything about the account.</summary>
    public static readonly ApiError Unavailable =
        ApiError.ServiceUnavailable("Bank account details are temporarily unavailable. Please try again shortly.");

    /// <summary>The account; BankAccountService is asked when the read model lacks it or holds it unverified (it may have been verified since).</summary>
    public async Task<DestinationLookup<BankAccountView>> BankAccountAsync(long id, CancellationToken ct)
    {
        var account = await db.BankAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is { Known: true } && (account.Verified || account.Deleted)) return new(account, null);

        Response<BankAccountFound, BankAccountNotFound> response;
        try
        {
            response = await bankAccounts.GetResponse<BankAccountFound, BankAccountNotFound>(new GetBankAccount(id), ct);
        }
        catch (Exception e) when (IsUnanswered(e, ct))
        {
            LogUnanswered(logger, "bank account", id, e.GetType().Name);
            return new(null, Unavailable);
        }

        if (!response.Is(out Response<BankAccountFound>? found)) return new(account, null);
        return new(await MergeAsync(found.Message), null);
    }

    /// <summary>
    /// The details and their beneficiary's profile; BankAccountService is asked when the read model lacks either, so the
    /// payout's answer embeds the complete beneficiary.
    /// </summary>
    public async Task<DestinationLookup<BeneficiaryDestination>> BeneficiaryDetailsAsync(long detailsId, long beneficiaryId, CancellationToken ct)
    {
        var details = await db.BeneficiaryDestinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == detailsId, ct);
        var profile = await db.Beneficiaries.AsNoTracking().FirstOrDefaultAsync(b => b.Id == (details == null ? beneficiaryId : details.BeneficiaryId), ct);
        if (details is { Removed: true } || profile is { Removed: true } || (details is not null && profile is { Known: true }))
            return new(details is null ? null : new BeneficiaryDestination(details, profile), null);

        Response<BeneficiaryDetailsFound, BeneficiaryDetailsNotFound> response;
        try
        {
            response = await beneficiaryDetails.GetResponse<BeneficiaryDetailsFound, BeneficiaryDetailsNotFound>(new GetBeneficiaryDetails(detailsId), ct);
        }
        catch (Exception e) when (IsUnanswered(e, ct))
        {
            LogUnanswered(logger, "beneficiary details", detailsId, e.GetType().Name);
            return new(null, Unavailable);
        }

        if (!response.Is(out Response<BeneficiaryDetailsFound>? found))
            return new(details is null ? null : new BeneficiaryDestination(details, profile), null);
        return new(await MergeAsync(found.Message), null);
    }

    private static bool IsUnanswered(Exception e, CancellationToken ct) =>
        e is RequestTimeoutException or RequestFaultException || (e is OperationCanceledException && !ct.IsCancellationRequested);

    /// <summary>Upserts the answer under the row's lock, in its own scope so the request's context stays clean; a concurrent insert is retried.</summary>
    private Task<BankAccountView> MergeAsync(BankAccountFound m) => UpsertAsync(async scoped =>
    {
        var account = await scoped.BankAccounts.FromSql($"SELECT * FROM bank_accounts WHERE id = {m.BankAccountId} FOR UPDATE").AsTracking().SingleOrDefaultAsync();
        if (account is null)
        {
            account = new BankAccountView { Id = m.BankAccountId, Uuid = m.BankAccountUuid, UserId = m.UserId };
            scoped.BankAccounts.Add(account);
        }

        account.Apply(m);
        return account;
    });

    private Task<BeneficiaryDestination> MergeAsync(BeneficiaryDetailsFound m) => UpsertAsync(async scoped =>
    {
        var details = await scoped.BeneficiaryDestinations.FromSql($"SELECT * FROM beneficiary_destinations WHERE id = {m.BeneficiaryDetailsId} FOR UPDATE")
            .AsTracking().SingleOrDefaultAsync();
        if (details is null)
        {
            details = new BeneficiaryDestinationView { Id = m.BeneficiaryDetailsId, UserId = m.UserId };
            scoped.BeneficiaryDestinations.Add(details);
        }

        details.Apply(m);
        var profile = await scoped.Beneficiaries.FromSql($"SELECT * FROM beneficiaries WHERE id = {m.BeneficiaryId} FOR UPDATE").AsTracking().SingleOrDefaultAsync();
        if (profile is null)
        {
            profile = new BeneficiaryView { Id = m.BeneficiaryId, UserId = m.UserId };
            scoped.Beneficiaries.Add(profile);
        }

        profile.Apply(m.Beneficiary);
        if (m.BeneficiaryRemoved)
        {
            // Learnt from the answer: removal sticks, as BeneficiaryRemoved would make it (its event cancels pending payouts).
            profile.Removed = true;
            profile.RemovedAt ??= m.Beneficiary.UpdatedAt;
        }

        return new BeneficiaryDestination(details, profile);
    });

    private async Task<T> UpsertAsync<T>(Func<PayoutsDbContext, Task<T>> merge)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var scoped = scope.ServiceProvider.GetRequiredService<PayoutsDbContext>();
            try
            {
                return await scoped.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    scoped.ChangeTracker.Clear();
                    await using var transaction = await scoped.Database.BeginTransactionAsync();
                    var merged = await merge(scoped);
                    await scoped.SaveChangesAsync();
                    await transaction.CommitAsync();
                    return merged;
                });
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // An event consumer inserted the row meanwhile: merge into theirs.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "BankAccountService did not answer for {Destination} {DestinationId} ({Reason})")]
    private static partial void LogUnanswered(ILogger logger, string destination, long destinationId, string reason);
}

