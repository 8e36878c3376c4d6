using System.Globalization;
using Payouts.Console.Api.Admin;

namespace Payouts.Console.Components.Shared;

/// <summary>
/// The admin home's two pictures from the days the API gives: requested payouts stacked by status, and the amount
/// paid, one bar per day; and the totals said in words beside them.
/// </summary>
public sealed class PayoutsPerDayChartData
{
    /// <summary>Statuses in the order a payout moves through them; any other the API adds comes after, by name.</summary>
    private static readonly string[] StatusOrder = ["pending", "processing", "completed", "failed", "rejected", "cancelled"];

    private PayoutsPerDayChartData(string[] labels, IReadOnlyList<(string Status, double[] Counts)> byStatus, double[] paid, int requested, decimal paidTotal)
    {
        Labels = labels;
        RequestedByStatus = byStatus;
        Paid = paid;
        RequestedTotal = requested;
        PaidTotal = paidTotal;
    }

    /// <summary>One label per day; only every <c>labelEvery</c>-th is written, so thirty days stay legible.</summary>
    public string[] Labels { get; }

    public IReadOnlyList<(string Status, double[] Counts)> RequestedByStatus { get; }

    public double[] Paid { get; }

    public int RequestedTotal { get; }

    public decimal PaidTotal { get; }

    public static PayoutsPerDayChartData From(IReadOnlyList<PayoutDay> days, int labelEvery = 5)
    {
        var statuses = days.SelectMany(d => d.RequestedByStatus.Keys).Distinct()
            .OrderBy(s => Array.IndexOf(StatusOrder, s) is var i and >= 0 ? i : StatusOrder.Length)
            .ThenBy(s => s, StringComparer.Ordinal)
            .ToList();
        var labels = days.Select((d, i) => (days.Count - 1 - i) % labelEvery == 0 ? d.Date.ToString("MM-dd", CultureInfo.InvariantCulture) : "").ToArray();
        return new PayoutsPerDayChartData(
            labels,
            [.. statuses.Select(s => (s, days.Select(d => (double)d.RequestedByStatus.GetValueOrDefault(s)).ToArray()))],
            [.. days.Select(d => (double)d.PaidAmount)],
            days.Sum(d => d.Requested),
            days.Sum(d => d.PaidAmount));
    }
}
