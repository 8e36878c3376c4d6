using Microsoft.EntityFrameworkCore;

namespace Payouts.BankAccountService.Data;

/// <summary>Transaction-scoped advisory locks that serialise changes to one user's bank accounts.</summary>
public static class BankAccountLocks
{
    /// <summary>Changes to one user's accounts (primary, duplicates, attempts, deposit reports) happen one at a time.</summary>
    public static Task LockUserAsync(BankAccountsDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"bank_account:" + userId}, 0))", cancellationToken);
}
