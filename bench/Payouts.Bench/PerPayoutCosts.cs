using System.Globalization;
using System.Text;

namespace Payouts.Bench;

/// <summary>
/// What one payout (or request: <see cref="Unit"/>) cost the platform over a timed part: CPU seconds per resource
/// (<see cref="ResourceCpu"/>), messages through the outboxes and inboxes per database and the destination requests
/// (<see cref="MessageCounter"/>), SQL statements and transactions per database (<see cref="PostgresStatementCounter"/>).
/// Each per-database figure has a <c>total</c>.
/// </summary>
public sealed record PerPayoutCosts(
    string Unit,
    int Count,
    IReadOnlyDictionary<string, double> CpuSeconds,
    IReadOnlyDictionary<string, double> OutboxMessages,
    IReadOnlyDictionary<string, double> InboxMessages,
    double DestinationRequests,
    IReadOnlyDictionary<string, double> SqlStatements,
    IReadOnlyDictionary<string, double> Transactions,
    IReadOnlyList<FrequentStatement> FrequentStatements)
{
    public const string Total = "total";

    /// <summary>Per-database counts divided by <paramref name="count"/>, with their total.</summary>
    public static IReadOnlyDictionary<string, double> PerUnit(IReadOnlyDictionary<string, long> perDatabase, int count)
    {
        var result = perDatabase.Where(d => d.Value != 0).OrderBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(d => d.Key, d => Math.Round((double)d.Value / count, 4), StringComparer.Ordinal);
        result[Total] = Math.Round((double)perDatabase.Values.Sum() / count, 4);
        return result;
    }

    /// <summary>Three lines for the console, then the most frequent statements.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"    CPU per {Unit} ({Count}): {string.Join(", ", CpuSeconds.Select(c => $"{c.Key} {c.Value * 1000:0.0} ms"))}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"    messages per {Unit}: sent through outboxes {Figures(OutboxMessages)}; handled under inboxes {Figures(InboxMessages)}; " +
            $"destination requests {DestinationRequests:0.00} (request/reply, in neither)");
        text.Append(CultureInfo.InvariantCulture,
            $"    SQL per {Unit}: statements {Figures(SqlStatements)}; transactions {Figures(Transactions)}");
        if (FrequentStatements.Count > 0) text.AppendLine().Append(CultureInfo.InvariantCulture, $"    most frequent statements, per {Unit}:");
        foreach (var statement in FrequentStatements)
            text.AppendLine().Append(CultureInfo.InvariantCulture,
                $"      {statement.Calls / Count,6:0.00} × {statement.MeanMs,6:0.000} ms  {statement.Database,-18} {statement.Query}");
        return text.ToString();
    }

    private static string Figures(IReadOnlyDictionary<string, double> perDatabase)
    {
        var parts = perDatabase.Where(d => d.Key != Total).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} {d.Value:0.00}")).ToList();
        var total = perDatabase.GetValueOrDefault(Total).ToString("0.00", CultureInfo.InvariantCulture);
        return parts.Count == 0 ? total : $"{total} ({string.Join(", ", parts)})";
    }
}

/// <summary>One statement shape as <c>pg_stat_statements</c> normalises it, over the timed part: its calls and mean execution time.</summary>
public sealed record FrequentStatement(string Database, long Calls, double MeanMs, string Query);
