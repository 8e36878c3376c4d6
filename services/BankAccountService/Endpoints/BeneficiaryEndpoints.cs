using Payouts.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.BankAccountService.Security;
using Payouts.BankAccountService.Messaging;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>Beneficiaries and their payment details under <c>/beneficiaries</c>, in seed 002's envelope.</summary>
public static partial class BeneficiaryEndpoints
{
    private static readonly ApiError BeneficiaryNotFound = ApiError.NotFound("Beneficiary not found");
    private static readonly ApiError DetailsNotFound = ApiError.NotFound("Beneficiary details not found");
    private static readonly ApiError DuplicateDetails =
        new(StatusCodes.Status409Conflict, "duplicate_beneficiary_details", "These payment details have already been added to the beneficiary");

    public static IEndpointRouteBuilder MapBeneficiaryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/beneficiaries").RequireAuthorization();
        group.MapPost("", Create);
        group.MapGet("", List);
        group.MapGet("{id}", Get);
        group.MapPut("{id}", Update);
        group.MapDelete("{id}", Delete);
        group.MapPost("{id}/details", AddDetails);
        group.MapGet("{id}/details", ListDetails);
        group.MapDelete("{id}/details/{detailsId}", DeleteDetails);
        return app;
    }

    private static async Task<IResult> Create(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock)
    {
        var caller = Caller.From(request.HttpContext.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var profile = BeneficiaryRequest.Read(fields, errors);
        if (profile is null) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var beneficiary = await db.ExecuteInTransactionAsync(async () =>
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

        return SinglePayoutEnvelope.Ok(BeneficiaryJson.From(beneficiary), StatusCodes.Status201Created);
    }

    private static async Task<IResult> List(HttpContext context, BankAccountsDbContext db, string? user_id)
    {
        var caller = Caller.From(context.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var userId = caller.ActFor(string.IsNullOrWhiteSpace(user_id) ? null : user_id);
        if (userId is null) return ApiError.NotFound("User not found").ToResult();

        var beneficiaries = await db.Beneficiaries.AsNoTracking()
            .Where(b => b.UserId == userId && b.DeletedAt == null).OrderBy(b => b.Id).ToListAsync(context.RequestAborted);
        return SinglePayoutEnvelope.Ok(beneficiaries.Select(BeneficiaryJson.From));
    }

    private static async Task<IResult> Get(HttpContext context, BankAccountsDbContext db, string id)
    {
        var caller = Caller.From(context.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var beneficiary = await FindAsync(db, id, caller, tracked: false);
        return beneficiary is null ? BeneficiaryNotFound.ToResult() : SinglePayoutEnvelope.Ok(BeneficiaryJson.From(beneficiary));
    }

    private static async Task<IResult> Update(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, string id)
    {
        var caller = Caller.From(request.HttpContext.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        if (await FindAsync(db, id, caller, tracked: false) is null) return BeneficiaryNotFound.ToResult();

        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var profile = BeneficiaryRequest.Read(fields, errors);
        if (profile is null) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var beneficiary = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var found = await LockLiveAsync(db, id, caller);
            if (found is null) return null;

            found.Update(profile, clock.GetUtcNow());
            await publish.Publish(BeneficiaryMessages.Saved(found));
            await db.SaveChangesAsync();
            return found;
        });

        return beneficiary is null ? BeneficiaryNotFound.ToResult() : SinglePayoutEnvelope.Ok(BeneficiaryJson.From(beneficiary));
    }

    private static async Task<IResult> Delete(
        HttpContext context, BankAccountsDbContext db, IPublishEndpoint publish, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock,
        ILogger<Beneficiary> logger, string id)
    {
        var caller = Caller.From(context.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var removed = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var beneficiary = await LockLiveAsync(db, id, caller);
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

        if (removed.Beneficiary is null) return BeneficiaryNotFound.ToResult();
        LogRemoved(logger, removed.Beneficiary.Id, removed.Beneficiary.UserId, removed.Details);
        return SinglePayoutEnvelope.Ok(null, message: "Beneficiary deleted successfully");
    }

    private static async Task<IResult> AddDetails(
        HttpRequest request, BankAccountsDbContext db, IPublishEndpoint publish, AccountNumberProtector protector, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock,
        ILogger<BeneficiaryDetails> logger, string id)
    {
        var caller = Caller.From(request.HttpContext.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var beneficiary = await FindAsync(db, id, caller, tracked: false);
        if (beneficiary is null) return BeneficiaryNotFound.ToResult();

        var (fields, bodyError) = await RequestFields.ReadAsync(request, RequestBodyErrors.NotFormOrJson, request.HttpContext.RequestAborted);
        if (fields is null) return bodyError!.ToResult();

        var errors = new FieldErrors();
        var bankName = fields.Text("bank_name", errors, 100, required: true);
        var holderName = fields.Text("account_holder_name", errors, 100, required: false) ?? beneficiary.CustomerName;
        var accountNumber = fields.Text("account_number", errors, 40, required: true);
        var routingNumber = fields.Text("routing_number", errors, 20, required: false);
        var bankCode = fields.Text("bank_code", errors, 11, required: false);
        var currency = fields.Text("currency", errors, 3, required: false);
        var country = fields.Text("country", errors, 60, required: true);
        BankDestination? destination = null;
        if (!errors.Has("account_number") && !errors.Has("country") && country is not null)
        {
            destination = BankDestination.Create(country, currency, accountNumber, routingNumber, bankCode, errors);
        }

        if (!errors.IsEmpty) return ApiError.Validation(errors.ToDictionary()).ToResult();

        var secrets = DestinationSecrets.Protect(protector, destination!, BeneficiaryDetails.AccountNumberPurpose, BeneficiaryDetails.RoutingNumberPurpose);
        try
        {
            var result = await db.ExecuteInTransactionAsync<(BeneficiaryDetails? Details, ApiError? Error)>(async () =>
            {
                db.ChangeTracker.Clear();
                // Under the beneficiary's lock, so details are never added to one being deleted.
                var owner = await LockLiveAsync(db, id, caller);
                if (owner is null) return (null, BeneficiaryNotFound);
                if (await db.BeneficiaryDetails.AnyAsync(d => d.BeneficiaryId == owner.Id && d.DeletedAt == null && d.Fingerprint == secrets.Fingerprint))
                {
                    return (null, DuplicateDetails);
                }

                var added = BeneficiaryDetails.Add(owner, bankName!, holderName, destination!,
                    secrets.AccountNumberCiphertext, secrets.RoutingNumberCiphertext, secrets.Fingerprint, clock.GetUtcNow());
                db.BeneficiaryDetails.Add(added);
                await db.SaveChangesAsync();
                await publish.Publish(BeneficiaryMessages.DetailsAdded(added, owner.CompanyId));
                await db.SaveChangesAsync();
                return (added, null);
            });

            if (result.Error is not null) return result.Error.ToResult();
            LogDetailsAdded(logger, result.Details!.Id, result.Details.BeneficiaryId, AccountNumberMask.FromTail(result.Details.AccountNumberTail));
            return SinglePayoutEnvelope.Ok(BeneficiaryJson.From(result.Details), StatusCodes.Status201Created);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: "23505" })
        {
            // The same details committed by a concurrent request between our check and our insert.
            return DuplicateDetails.ToResult();
        }
    }
    private static async Task<IResult> ListDetails(HttpContext context, BankAccountsDbContext db, string id)
    {
        var caller = Caller.From(context.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        var beneficiary = await FindAsync(db, id, caller, tracked: false);
        if (beneficiary is null) return BeneficiaryNotFound.ToResult();

        var details = await db.BeneficiaryDetails.AsNoTracking()
            .Where(d => d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null).OrderBy(d => d.Id).ToListAsync(context.RequestAborted);
        return SinglePayoutEnvelope.Ok(details.Select(BeneficiaryJson.From));
    }

    private static async Task<IResult> DeleteDetails(
        HttpContext context, BankAccountsDbContext db, IPublishEndpoint publish, [FromKeyedServices(ServiceClock.Key)] TimeProvider clock, string id, string detailsId)
    {
        var caller = Caller.From(context.User);
        if (caller is null) return Caller.Unidentified.ToResult();
        if (!long.TryParse(detailsId, out var numericDetailsId))
        {
            return await FindAsync(db, id, caller, tracked: false) is null ? BeneficiaryNotFound.ToResult() : DetailsNotFound.ToResult();
        }

        var error = await db.ExecuteInTransactionAsync(async () =>
        {
            db.ChangeTracker.Clear();
            var beneficiary = await LockLiveAsync(db, id, caller);
            if (beneficiary is null) return BeneficiaryNotFound;

            var details = await db.BeneficiaryDetails.SingleOrDefaultAsync(d => d.Id == numericDetailsId && d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null);
            if (details is null) return DetailsNotFound;

            details.Delete(clock.GetUtcNow());
            await publish.Publish(BeneficiaryMessages.DetailsRemoved(details));
            await db.SaveChangesAsync();
            return null;
        });

        return error?.ToResult() ?? SinglePayoutEnvelope.Ok(null, message: "Beneficiary details deleted successfully");
    }

    /// <summary>
    /// Inside a transaction: the live beneficiary, tracked, after taking its lock. Changes to one beneficiary and its
    /// details happen one at a time, so each change is announced once and none is lost to a concurrent delete.
    /// </summary>
    private static async Task<Beneficiary?> LockLiveAsync(BankAccountsDbContext db, string id, Caller caller)
    {
        if (!long.TryParse(id, out var numericId)) return null;
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"beneficiary:" + numericId}, 0))");
        return await FindAsync(db, id, caller, tracked: true);
    }

    /// <summary>A live beneficiary the caller may act on (their own; any for administrators), else null.</summary>
    private static Task<Beneficiary?> FindAsync(BankAccountsDbContext db, string id, Caller caller, bool tracked)
    {
        if (!long.TryParse(id, out var numericId)) return Task.FromResult<Beneficiary?>(null);
        var query = (tracked ? db.Beneficiaries : db.Beneficiaries.AsNoTracking()).Where(b => b.Id == numericId && b.DeletedAt == null);
        if (!caller.IsAdmin) query = query.Where(b => b.UserId == caller.Subject);
        return query.SingleOrDefaultAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Beneficiary {BeneficiaryId} of user {UserId} deleted with {DetailsCount} payment details")]
    private static partial void LogRemoved(ILogger logger, long beneficiaryId, string userId, int detailsCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment details {BeneficiaryDetailsId} added to beneficiary {BeneficiaryId} ({MaskedAccountNumber})")]
    private static partial void LogDetailsAdded(ILogger logger, long beneficiaryDetailsId, long beneficiaryId, string maskedAccountNumber);
}

