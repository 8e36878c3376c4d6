using Microsoft.EntityFrameworkCore;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.BankAccountService.Application;

/// <summary>Seed 000's bank account reads.</summary>
public sealed class BankAccountQueries(BankAccountsDbContext db)
{
    /// <summary>The user's live accounts, primary first; null when the caller may not act for <paramref name="requestedUserId"/>.</summary>
    public async Task<List<BankAccount>?> ListAsync(Caller caller, string? requestedUserId, CancellationToken cancellationToken)
    {
        var userId = caller.ActFor(requestedUserId);
        if (userId is null) return null;

        return await db.BankAccounts.AsNoTracking()
            .Where(a => a.UserId == userId && a.DeletedAt == null)
            .OrderByDescending(a => a.IsPrimary).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }
}
