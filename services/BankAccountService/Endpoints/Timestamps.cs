using System.Globalization;

namespace Payouts.BankAccountService.Endpoints;

/// <summary>The seeds' timestamp form: UTC with a Z (<c>2024-01-01T00:00:00Z</c>).</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;

    /// <summary>User ids are numeric in the seeds; other subjects are shown as given.</summary>
    public static object UserId(string userId) => long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : userId;
}
