using Payouts.Data;

namespace Payouts.BankAccountService.Data;

/// <summary>Transaction-scoped advisory locks that serialise changes to one user's bank accounts.</summary>
public static class BankAccountLocks
{
    /// <summary>Changes to one user's accounts (primary, duplicates, attempts, deposit reports) happen one at a time.</summary>
    public static Task LockUserAsync(BankAccountsDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.LockForTransactionAsync("bank_account:" + userId, cancellationToken);
}
