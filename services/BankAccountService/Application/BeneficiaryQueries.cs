using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Application;

/// <summary>
/// Seed 002's beneficiary reads: the caller's own beneficiaries, and for a company member the company's too (its members may
/// pay them, so they may see them); any for administrators. Changes stay with the owner and administrators.
/// </summary>
public sealed class BeneficiaryQueries(BankAccountsDbContext db)
{
    /// <summary>
    /// The user's live beneficiaries, with the caller's company's when the caller lists their own; null when the caller may
    /// not act for <paramref name="requestedUserId"/>.
    /// </summary>
    public async Task<List<Beneficiary>?> ListAsync(Caller caller, string? requestedUserId, CancellationToken cancellationToken)
    {
        var userId = caller.ActFor(requestedUserId);
        if (userId is null) return null;

        var company = userId == caller.Subject ? caller.CompanyId : null;
        return await db.Beneficiaries.AsNoTracking()
            .Where(b => (b.UserId == userId || (company != null && b.CompanyId == company)) && b.DeletedAt == null).OrderBy(b => b.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A live beneficiary the caller may see (their own, their company's; any for administrators), else null.</summary>
    public Task<Beneficiary?> FindAsync(Caller caller, string id)
    {
        if (!long.TryParse(id, out var numericId)) return Task.FromResult<Beneficiary?>(null);
        var query = db.Beneficiaries.AsNoTracking().Where(b => b.Id == numericId && b.DeletedAt == null);
        if (!caller.IsAdmin)
        {
            var company = caller.CompanyId;
            query = query.Where(b => b.UserId == caller.Subject || (company != null && b.CompanyId == company));
        }

        return query.SingleOrDefaultAsync();
    }

    /// <summary>Whether the caller may change a beneficiary they can see: its owner or an administrator, not a colleague.</summary>
    public static ApiError? ChangeRefusal(Caller caller, Beneficiary beneficiary) =>
        caller.IsAdmin || beneficiary.UserId == caller.Subject ? null : BeneficiaryErrors.OwnerOnly;

    /// <summary>The beneficiary's live payment details; null when the caller has no such beneficiary.</summary>
    public async Task<List<BeneficiaryDetails>?> ListDetailsAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var beneficiary = await FindAsync(caller, id);
        if (beneficiary is null) return null;

        return await db.BeneficiaryDetails.AsNoTracking()
            .Where(d => d.BeneficiaryId == beneficiary.Id && d.DeletedAt == null).OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A live beneficiary the caller may change (their own; any for administrators), else null.</summary>
    internal static Task<Beneficiary?> FindLiveAsync(BankAccountsDbContext db, string id, Caller caller, bool tracked)
    {
        if (!long.TryParse(id, out var numericId)) return Task.FromResult<Beneficiary?>(null);
        var query = (tracked ? db.Beneficiaries : db.Beneficiaries.AsNoTracking()).Where(b => b.Id == numericId && b.DeletedAt == null);
        if (!caller.IsAdmin) query = query.Where(b => b.UserId == caller.Subject);
        return query.SingleOrDefaultAsync();
    }
}
