using System.Globalization;
using Microsoft.Extensions.Primitives;
using Payouts.Contracts.Settlement;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Endpoints;

/// <summary>
/// The query of the finished-transfer report: a window on when transfers finished (<c>from</c> inclusive, <c>to</c>
/// exclusive; default the last 24 hours, at most <see cref="MaxWindow"/>), <c>status</c> (<c>all</c>,
/// <c>completed</c>, <c>failed</c>) and a page (<c>page</c> ≥ 1, <c>limit</c> 1–<see cref="MaxLimit"/>): each
/// transfer checked costs a provider call, so a request checks at most one page.
/// </summary>
public sealed record FinishedReportQuery(DateTimeOffset From, DateTimeOffset To, string Status, int Page, int Limit)
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 50;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    private static readonly string[] Statuses = ["all", TransferStatus.Completed, TransferStatus.Failed];

    public static bool TryParse(IQueryCollection query, DateTimeOffset now, out FinishedReportQuery parsed, out ApiError? error)
    {
        parsed = null!;
        error = null;
        if (!TryDate(query, "to", out var to, ref error) || !TryDate(query, "from", out var from, ref error)
            || !TryInt(query, "page", 1, int.MaxValue, out var page, ref error) || !TryInt(query, "limit", 1, MaxLimit, out var limit, ref error)
            || !TryStatus(query, out var status, ref error))
        {
            return false;
        }

        var end = to ?? now;
        var start = from ?? end - DefaultWindow;
        if (start >= end)
        {
            error = ApiError.Validation("from", "from must be earlier than to");
            return false;
        }

        if (end - start > MaxWindow)
        {
            error = ApiError.Validation("from", $"The window from 'from' to 'to' may span at most {MaxWindow.TotalDays:0} days");
            return false;
        }

        parsed = new FinishedReportQuery(start, end, status, page ?? 1, limit ?? DefaultLimit);
        return true;
    }

    private static bool TrySingle(IQueryCollection query, string name, out string? value, ref ApiError? error)
    {
        value = null;
        if (!query.TryGetValue(name, out StringValues values)) return true;
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            error = ApiError.Validation(name, $"{name} must be given once, with a value");
            return false;
        }

        value = values[0]!.Trim();
        return true;
    }

    private static bool TryDate(IQueryCollection query, string name, out DateTimeOffset? date, ref ApiError? error)
    {
        date = null;
        if (!TrySingle(query, name, out var text, ref error)) return false;
        if (text is null) return true;
        // A time without an offset is UTC, like every time the API shows.
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            error = ApiError.Validation(name, $"{name} must be an ISO 8601 date or date-time, e.g. 2026-11-23T00:00:00Z");
            return false;
        }

        date = value;
        return true;
    }

    private static bool TryInt(IQueryCollection query, string name, int min, int max, out int? number, ref ApiError? error)
    {
        number = null;
        if (!TrySingle(query, name, out var text, ref error)) return false;
        if (text is null) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            error = ApiError.Validation(name, max == int.MaxValue ? $"{name} must be a whole number of at least {min}" : $"{name} must be a whole number from {min} to {max}");
            return false;
        }

        number = value;
        return true;
    }

    private static bool TryStatus(IQueryCollection query, out string status, ref ApiError? error)
    {
        status = "all";
        if (!TrySingle(query, "status", out var text, ref error)) return false;
        if (text is null) return true;
        if (!Statuses.Contains(text.ToLowerInvariant()))
        {
            error = ApiError.Validation("status", $"status must be one of {string.Join(", ", Statuses)}");
            return false;
        }

        status = text.ToLowerInvariant();
        return true;
    }
}
