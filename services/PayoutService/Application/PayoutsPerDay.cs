using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Application;

/// <summary>One UTC day: the payouts requested that day by their status now, and what was paid out that day.</summary>
public sealed record PayoutDay(DateOnly Date, IReadOnlyDictionary<string, int> RequestedByStatus, decimal PaidAmount);

/// <summary>
/// The admin home's pictures (issue 14): payouts per day by status and amount paid per day, in one currency, every day
/// of the range present (zeros included) so a chart's axis has no gaps. Counted in PostgreSQL, one grouped query each.
/// </summary>
public sealed class PayoutsPerDay(PayoutsDbContext db)
{
    public const int MaxDays = 90;

    private sealed record StatusCount(DateOnly Day, string Status, int Count);

    private sealed record PaidTotal(DateOnly Day, decimal Amount);

    public async Task<IReadOnlyList<PayoutDay>> ForAsync(DateOnly firstDay, DateOnly lastDay, string currency, CancellationToken ct)
    {
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var requested = await db.Database.SqlQuery<StatusCount>($"""
            SELECT (requested_at AT TIME ZONE 'UTC')::date AS "Day", status AS "Status", count(*)::int AS "Count"
            FROM payouts
            WHERE currency = {currency} AND requested_at >= {from} AND requested_at < {to}
            GROUP BY 1, 2
            """).ToListAsync(ct);
        var paid = await db.Database.SqlQuery<PaidTotal>($"""
            SELECT (completed_at AT TIME ZONE 'UTC')::date AS "Day", sum(amount) AS "Amount"
            FROM payouts
            WHERE currency = {currency} AND status = {PayoutStatus.Completed} AND completed_at >= {from} AND completed_at < {to}
            GROUP BY 1
            """).ToListAsync(ct);

        var byDay = requested.ToLookup(r => r.Day);
        var paidByDay = paid.ToDictionary(p => p.Day, p => p.Amount);
        return [.. Enumerable.Range(0, lastDay.DayNumber - firstDay.DayNumber + 1).Select(offset =>
        {
            var day = firstDay.AddDays(offset);
            return new PayoutDay(day, byDay[day].ToDictionary(r => r.Status, r => r.Count), paidByDay.GetValueOrDefault(day));
        })];
    }
}
