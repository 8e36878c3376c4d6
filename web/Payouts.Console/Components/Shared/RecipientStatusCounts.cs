using Payouts.Console.Api.Batches;

namespace Payouts.Console.Components.Shared;

/// <summary>One part of a batch's recipient bar: how many recipients have the status, and their share of the whole.</summary>
public sealed record RecipientStatusCount(string Status, int Count, double Percent);

/// <summary>A batch's recipients counted by status for its bar: paid first, then waiting, failed and cancelled; empty parts left out.</summary>
public static class RecipientStatusCounts
{
    private static readonly string[] Order = ["completed", "pending", "failed", "cancelled"];

    public static IReadOnlyList<RecipientStatusCount> From(IEnumerable<BatchRecipient> recipients)
    {
        var counts = recipients.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var total = counts.Values.Sum();
        if (total == 0) return [];
        return
        [
            .. counts.OrderBy(c => Array.IndexOf(Order, c.Key) is var i && i >= 0 ? i : Order.Length).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new RecipientStatusCount(c.Key, c.Value, 100.0 * c.Value / total)),
        ];
    }

    /// <summary>The bar in words, for screen readers and for anyone who would rather read.</summary>
    public static string Describe(IReadOnlyList<RecipientStatusCount> counts) =>
        counts.Count == 0 ? "No recipients." : string.Join(", ", counts.Select(c => $"{c.Count} {c.Status}")) + ".";
}
