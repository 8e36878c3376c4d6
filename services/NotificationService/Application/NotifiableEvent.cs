namespace Payouts.NotificationService.Application;

/// <summary>
/// A platform event worth telling someone about, in the platform's words: who to tell, what happened (type and
/// message), and what it is about, with the status the event leaves it in where the API shows one (webhooks'
/// <c>data.status</c>; a payout's follows from its type). Every channel delivers from this one shape (today the in-app
/// list; mail and webhooks take it from <see cref="Notifier"/> too), so no channel reads the bus's contracts itself.
/// </summary>
public sealed record NotifiableEvent(
    Audience Audience,
    string Type,
    string Message,
    string ObjectType,
    string ObjectId,
    DateTimeOffset OccurredAt,
    string? Reference = null,
    decimal? Amount = null,
    string? Currency = null,
    string? Status = null);

/// <summary>Who is told: one user (and the company the event names, if any), or, with no user, every member of the company.</summary>
public sealed record Audience(string? UserId, string? CompanyId)
{
    public static Audience User(string userId, string? companyId = null) => new(userId, companyId);

    public static Audience Company(string companyId) => new(null, companyId);
}
