using System.Globalization;

namespace Payouts.Console.Api.Admin;

/// <summary>
/// One page of the admin payout list as <c>GET /api/admin/payouts</c> accepts it: <c>page</c> (from 1), <c>limit</c>
/// (1–50) and <c>status</c> (omitted for all).
/// </summary>
public sealed record AdminPayoutQuery(int Page, int Limit, string? Status)
{
    public const int MaxLimit = 50;

    public const string AllStatuses = "all";

    /// <summary>The statuses the endpoint filters by (PayoutService's PayoutStatus.All), "all" first.</summary>
    public static readonly IReadOnlyList<string> Statuses = [AllStatuses, "pending", "processing", "completed", "rejected", "cancelled", "failed"];

    /// <summary>From the table's zero-based page and size, clamped to what the endpoint accepts.</summary>
    public static AdminPayoutQuery From(int zeroBasedPage, int pageSize, string? status) =>
        new(Math.Max(zeroBasedPage, 0) + 1, Math.Clamp(pageSize, 1, MaxLimit), status is null or AllStatuses ? null : status);

    public string ToPath()
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"api/admin/payouts?page={Page}&limit={Limit}");
        return Status is null ? path : $"{path}&status={Uri.EscapeDataString(Status)}";
    }
}
