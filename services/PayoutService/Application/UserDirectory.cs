using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Npgsql;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.PayoutService.Application;

/// <summary>A user an admin enters in the directory.</summary>
public sealed record NewDirectoryUser(long Id, string? Email, string? FirstName, string? LastName, string? Phone, string? CompanyId, decimal MinimumPayout);

/// <summary>The users and companies directory: users appear on their first authenticated request.</summary>
public sealed class UserDirectory(PayoutsDbContext db, TimeProvider clock)
{
    /// <summary>New users' minimum payout until an admin sets another (seed 000's example value).</summary>
    public const decimal DefaultMinimumPayout = 50m;

    /// <summary>
    /// The caller's user, created (with its company) from the token's claims if it does not exist yet; race-free.
    /// A known user whose company is the token's costs one read (this runs on every request).
    /// </summary>
    public async Task<DirectoryUser> EnsureAsync(Caller caller, CancellationToken cancellationToken)
    {
        var userId = caller.UserId ?? throw new ArgumentException("Only platform users enter the directory.", nameof(caller));
        var known = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        // A user's company row is written with the user (here or by an admin), so only a new company needs the inserts.
        if (known is not null && (caller.CompanyId is null || known.CompanyId == caller.CompanyId)) return known;

        var now = clock.GetUtcNow();
        if (caller.CompanyId is not null)
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO companies (id, created_at) VALUES ({caller.CompanyId}, {now}) ON CONFLICT (id) DO NOTHING",
                cancellationToken);
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO users (id, uuid, company_id, minimum_payout, created_at)
            VALUES ({userId}, {Guid.CreateVersion7()}, {caller.CompanyId}, {DefaultMinimumPayout}, {now})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        return known ?? await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
    }

    /// <summary>Adds a user (and its company when new); a user with the same id already there is a 409.</summary>
    public async Task<ApiOutcome<DirectoryUser>> CreateAsync(NewDirectoryUser entered, CancellationToken cancellationToken)
    {
        var user = new DirectoryUser
        {
            Id = entered.Id, Uuid = Guid.CreateVersion7(), Email = entered.Email, FirstName = entered.FirstName, LastName = entered.LastName,
            Phone = entered.Phone, CompanyId = entered.CompanyId, MinimumPayout = entered.MinimumPayout, CreatedAt = clock.GetUtcNow(),
        };
        db.Users.Add(user);
        if (user.CompanyId is not null && !await db.Companies.AnyAsync(c => c.Id == user.CompanyId, cancellationToken))
            db.Companies.Add(new Company { Id = user.CompanyId, CreatedAt = user.CreatedAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return user;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new ApiError(StatusCodes.Status409Conflict, "conflict", "A user with this id already exists");
        }
    }

    /// <summary>
    /// The platform user with this email, compared case-insensitively (the oldest when several share it); null when none.
    /// Served by the index on <c>lower(email)</c>.
    /// </summary>
    public Task<DirectoryUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        db.Users.FromSql($"SELECT * FROM users WHERE lower(email) = lower({email.Trim()}) ORDER BY id LIMIT 1").AsNoTracking()
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Who NotificationService mails about an event: the user (by numeric id or uuid), or with none every member of the
    /// company; only users with an email address, by id.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryUser>> NotificationRecipientsAsync(string? userId, string? companyId, CancellationToken cancellationToken)
    {
        if (userId is not null)
            return await FindAsync(userId, cancellationToken) is { Email: not null and not "" } user ? [user] : [];
        if (companyId is null) return [];
        return await db.Users.AsNoTracking().Where(u => u.CompanyId == companyId && u.Email != null && u.Email != "")
            .OrderBy(u => u.Id).ToListAsync(cancellationToken);
    }

    /// <summary>A user by numeric id or uuid (every family's lookups accept either).</summary>
    public Task<DirectoryUser?> FindAsync(string idOrUuid, CancellationToken cancellationToken)
    {
        if (long.TryParse(idOrUuid, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (Guid.TryParse(idOrUuid, out var uuid))
            return db.Users.FirstOrDefaultAsync(u => u.Uuid == uuid, cancellationToken);
        return Task.FromResult<DirectoryUser?>(null);
    }
}
