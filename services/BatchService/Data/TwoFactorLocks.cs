using Microsoft.EntityFrameworkCore;
using Payouts.BatchService.Domain;
using Payouts.Data;

namespace Payouts.BatchService.Data;

/// <summary>
/// A user's second factor read under a transaction-scoped advisory lock on the user: codes are checked one at a time
/// (a code cannot be replayed by two concurrent calls), and two first enrollments cannot both insert.
/// </summary>
public static class TwoFactorLocks
{
    public static async Task<TwoFactorEnrollment?> LockAsync(BatchesDbContext db, string companyId, string subject, CancellationToken ct)
    {
        await db.LockForTransactionAsync("two_factor:" + companyId + "\n" + subject, ct);
        return await db.TwoFactorEnrollments.AsTracking().SingleOrDefaultAsync(e => e.CompanyId == companyId && e.Subject == subject, ct);
    }
}
