using Microsoft.EntityFrameworkCore;
using Payouts.NotificationService.Data;
using Payouts.NotificationService.Domain;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.NotificationService.Application.Email;

/// <summary>Per notification type, whether it mails the user.</summary>
public sealed record EmailChoices(IReadOnlyDictionary<string, bool> Email);

/// <summary>
/// Each user's choice of which notification types mail them: every subscribable type, on unless turned off. A choice
/// is the caller's own (a company member chooses for themself, also for the company's events).
/// </summary>
public sealed class EmailPreferences(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>Every type a user may choose for, with whether it mails them.</summary>
    public async Task<EmailChoices> ForAsync(Caller caller, CancellationToken ct)
    {
        var chosen = await db.EmailPreferences.AsNoTracking().Where(p => p.UserId == caller.Subject).ToDictionaryAsync(p => p.EventType, p => p.Email, ct);
        return new EmailChoices(NotificationTypes.Subscribable.ToDictionary(t => t, t => chosen.GetValueOrDefault(t, true)));
    }

    /// <summary>Sets the given types on or off (others unchanged); a type that is not subscribable changes nothing and names the field.</summary>
    public async Task<ApiOutcome<EmailChoices>> UpdateAsync(Caller caller, IReadOnlyDictionary<string, bool> email, CancellationToken ct)
    {
        if (email.Keys.FirstOrDefault(t => !NotificationTypes.Subscribable.Contains(t)) is { } unknown)
            return ApiError.Validation(new Dictionary<string, string[]> { [$"email.{unknown}"] = [$"Unknown notification type: {unknown}."] });

        var now = clock.GetUtcNow();
        var existing = await db.EmailPreferences.Where(p => p.UserId == caller.Subject).ToDictionaryAsync(p => p.EventType, ct);
        foreach (var (type, on) in email)
        {
            if (existing.TryGetValue(type, out var preference))
            {
                preference.Email = on;
                preference.UpdatedAt = now;
            }
            else
            {
                db.EmailPreferences.Add(new EmailPreference { UserId = caller.Subject, EventType = type, Email = on, UpdatedAt = now });
            }
        }

        await db.SaveChangesAsync(ct);
        return await ForAsync(caller, ct);
    }

    /// <summary>Of <paramref name="userIds"/>, those who turned <paramref name="type"/>'s email off.</summary>
    public async Task<HashSet<string>> TurnedOffAsync(IReadOnlyList<string> userIds, string type, CancellationToken ct) =>
        [.. await db.EmailPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId) && p.EventType == type && !p.Email)
            .Select(p => p.UserId).ToListAsync(ct)];
}
