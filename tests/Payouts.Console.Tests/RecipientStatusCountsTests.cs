using Payouts.Console.Api.Batches;
using Payouts.Console.Components.Shared;

namespace Payouts.Console.Tests;

/// <summary>The recipients' bar: counted by status, paid first, shares adding up to the whole, and the same in words.</summary>
public sealed class RecipientStatusCountsTests
{
    [Fact]
    public void Recipients_are_counted_by_status_in_the_bars_order_with_their_share()
    {
        var counts = RecipientStatusCounts.From([.. Recipients("failed", 1), .. Recipients("pending", 2), .. Recipients("completed", 4), .. Recipients("cancelled", 1)]);

        Assert.Equal([("completed", 4, 50.0), ("pending", 2, 25.0), ("failed", 1, 12.5), ("cancelled", 1, 12.5)],
            counts.Select(c => (c.Status, c.Count, c.Percent)));
        Assert.Equal("4 completed, 2 pending, 1 failed, 1 cancelled.", RecipientStatusCounts.Describe(counts));
    }

    [Fact]
    public void A_status_the_console_does_not_know_comes_last_and_empty_statuses_are_left_out()
    {
        var counts = RecipientStatusCounts.From([.. Recipients("on_hold", 1), .. Recipients("pending", 3)]);

        Assert.Equal([("pending", 3), ("on_hold", 1)], counts.Select(c => (c.Status, c.Count)));
        Assert.Equal(100.0, counts.Sum(c => c.Percent), precision: 9);
    }

    [Fact]
    public void No_recipients_is_no_bar()
    {
        var counts = RecipientStatusCounts.From([]);

        Assert.Empty(counts);
        Assert.Equal("No recipients.", RecipientStatusCounts.Describe(counts));
    }

    private static IEnumerable<BatchRecipient> Recipients(string status, int count) =>
        Enumerable.Range(0, count).Select(i => new BatchRecipient(Guid.NewGuid(), $"r{i}@example.com", 10m, status, null));
}
