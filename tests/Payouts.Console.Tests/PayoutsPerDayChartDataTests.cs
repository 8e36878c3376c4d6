using Payouts.Console.Api.Admin;
using Payouts.Console.Components.Shared;

namespace Payouts.Console.Tests;

/// <summary>The admin home's pictures: a stacked series per status in lifecycle order, one bar of paid amount per day.</summary>
public sealed class PayoutsPerDayChartDataTests
{
    private static readonly DateOnly First = new(2026, 11, 1);

    [Fact]
    public void Each_status_is_a_series_in_lifecycle_order_with_a_value_for_every_day_and_the_totals_add_up()
    {
        PayoutDay[] days =
        [
            Day(0, 25.5m, ("completed", 2), ("pending", 1)),
            Day(1, 0m),
            Day(2, 100m, ("on_hold", 1), ("rejected", 1), ("processing", 3)),
        ];

        var data = PayoutsPerDayChartData.From(days);

        Assert.Equal(["pending", "processing", "completed", "rejected", "on_hold"], data.RequestedByStatus.Select(s => s.Status));
        Assert.Equal([1d, 0d, 0d], data.RequestedByStatus[0].Counts);
        Assert.Equal([0d, 0d, 3d], data.RequestedByStatus[1].Counts);
        Assert.Equal([2d, 0d, 0d], data.RequestedByStatus[2].Counts);
        Assert.Equal([25.5d, 0d, 100d], data.Paid);
        Assert.Equal(8, data.RequestedTotal);
        Assert.Equal(125.5m, data.PaidTotal);
    }

    [Fact]
    public void Thirty_days_label_every_fifth_counting_back_from_today()
    {
        var days = Enumerable.Range(0, 30).Select(i => Day(i, 0m)).ToList();

        var labels = PayoutsPerDayChartData.From(days).Labels;

        Assert.Equal(30, labels.Length);
        Assert.Equal("11-30", labels[^1]);
        Assert.Equal("11-25", labels[^6]);
        Assert.Equal("11-05", labels[4]);
        Assert.Equal(6, labels.Count(l => l.Length > 0));
    }

    private static PayoutDay Day(int offset, decimal paid, params (string Status, int Count)[] requested) =>
        new(First.AddDays(offset), requested.Sum(r => r.Count), requested.ToDictionary(r => r.Status, r => r.Count), paid);
}
