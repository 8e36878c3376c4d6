using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Application;

/// <summary>Seed 002's beneficiary reads: the caller's own beneficiaries (any for administrators) and their payment details.</summary>
public sealed class BeneficiaryQueries(BankAccountsDbContext db)
{
    /// <summary>The user's live beneficiaries; null when the caller may not act for <paramref name="requestedUserId"/>.</summary>
    public async Task<List<Beneficiary>?> ListAsync(Caller caller, string? requestedUserId, CancellationToken cancellationToken)
    {
        var userId = caller.ActFor(requestedUserId);
        if (userId is null) return null;

        return await db.Beneficiaries.AsNoTracking()
            .Where(b => b.UserId == userId && b.DeletedAt == null).OrderBy(b => b.Id).ToListAsync(cancellationToken);
    }

    public Task<Beneficiary?> FindAsync(Caller caller, string id) => FindLiveAsync(db, id, caller, tracked: false);

    /// <summary>The beneficiary's live payment details; null when the caller has no such beneficiary.</summary>
    public async Task<List<BeneficiaryDetails>?> ListDetailsAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var beneficiary = await FindAsync(caller, id);
        if (beneficiary is null) return null;

        return await db.BeneficiaryDetails.AsNoTracking()
            .Where(d => d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A live beneficiary the caller may act on (their own; any for administrators), else null.</summary>
    internal static Task<Beneficiary?> FindLiveAsync(BankAccountsDbContext db, string id, Caller caller, bool tracked)
    {
        if (!long.TryParse(id, out var numericId)) return Task.FromResult<Beneficiary?>(null);
        var query = (tracked ? db.Beneficiaries : db.Beneficiaries.AsNoTracking()).Where(b => b.Id == numericId && b.DeletedAt == null);
        if (!caller.IsAdmin) query = query.Where(b => b.UserId == caller.Subject);
        return query.SingleOrDefaultAsync();
    }
}
