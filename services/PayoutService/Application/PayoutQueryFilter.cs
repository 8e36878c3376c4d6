using System.Globalization;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>Status and requested-at range filters shared by the payout lists and statistics.</summary>
public sealed record PayoutQueryFilter(string? Status, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>
    /// <c>status</c> (<c>all</c> or a seed 000 status), <c>date_from</c>/<c>date_to</c> (yyyy-MM-dd, inclusive days); problems
    /// go to <paramref name="errors"/>.
    /// </summary>
    public static PayoutQueryFilter Parse(string? status, string? dateFrom, string? dateTo, FieldErrors errors, string statusField = "status")
    {
        if (status is not null && status != "all" && !PayoutStatus.All.Contains(status))
            errors.Add(statusField, $"The status must be all or one of: {string.Join(", ", PayoutStatus.All)}.");
        var from = Date(dateFrom, "date_from", errors);
        var to = Date(dateTo, "date_to", errors)?.AddDays(1);
        if (from is not null && to is not null && from >= to)
            errors.Add("date_from", "The date from must not be after the date to.");
        return new PayoutQueryFilter(status is null or "all" ? null : status, from, to);
    }

    public IQueryable<Payout> Apply(IQueryable<Payout> payouts)
    {
        if (Status is not null) payouts = payouts.Where(p => p.Status == Status);
        if (From is { } from) payouts = payouts.Where(p => p.RequestedAt >= from);
        if (To is { } to) payouts = payouts.Where(p => p.RequestedAt < to);
        return payouts;
    }

    private static DateTimeOffset? Date(string? text, string field, FieldErrors errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        errors.Add(field, $"The {field.Replace('_', ' ')} must be a date (yyyy-MM-dd).");
        return null;
    }
}
