using Microsoft.EntityFrameworkCore;

namespace Payouts.Data;

/// <summary>
/// PostgreSQL advisory locks held until the current transaction ends: work on one key (a user's accounts, an owner's
/// endpoints) happens one caller at a time across every replica, without a row to lock.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Waits for the lock on <paramref name="key"/>; call inside a transaction.</summary>
    public static Task LockForTransactionAsync(this DbContext db, string key, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
}
