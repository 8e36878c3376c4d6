namespace Payouts.NotificationService.Application;

/// <summary>The wait before a channel's next attempt: doubling from a base, capped (webhooks and email alike).</summary>
public static class RetryBackoff
{
    /// <summary>After <paramref name="attempts"/> failed attempts: <paramref name="first"/> × 2^(attempts − 1), at most <paramref name="cap"/>.</summary>
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan cap)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        return TimeSpan.FromSeconds(Math.Min(first.TotalSeconds * Math.Pow(2, exponent), cap.TotalSeconds));
    }
}
