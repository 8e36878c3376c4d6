using Payouts.Console.Api.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>The queue's table state and filter, as the query string <c>GET /api/admin/payouts</c> accepts.</summary>
public sealed class AdminPayoutQueryTests
{
    [Theory]
    [InlineData(0, 20, "pending", "api/admin/payouts?page=1&limit=20&status=pending")]
    [InlineData(2, 10, "completed", "api/admin/payouts?page=3&limit=10&status=completed")]
    [InlineData(0, 20, "all", "api/admin/payouts?page=1&limit=20")]
    [InlineData(0, 20, null, "api/admin/payouts?page=1&limit=20")]
    [InlineData(1, 100, "rejected", "api/admin/payouts?page=2&limit=50&status=rejected")]
    [InlineData(-1, 0, "failed", "api/admin/payouts?page=1&limit=1&status=failed")]
    public void The_table_page_and_filter_become_the_endpoints_query(int zeroBasedPage, int pageSize, string? status, string expected) =>
        Assert.Equal(expected, AdminPayoutQuery.From(zeroBasedPage, pageSize, status).ToPath());
}
