using System.Globalization;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.Http;

/// <summary>Page and limit as the seeds use them (1-based pages, capped limits).</summary>
public readonly record struct Paging(int Page, int Limit)
{
    public int Skip => (Page - 1) * Limit;

    public int TotalPages(int totalItems) => (totalItems + Limit - 1) / Limit;

    /// <summary>The requested page; a page below 1 or a limit outside 1..<paramref name="maxLimit"/> is an error.</summary>
    public static Paging From(int? page, int? limit, int defaultLimit, int maxLimit, FieldErrors errors)
    {
        if (page is < 1) errors.Add("page", "The page must be at least 1.");
        if (limit is < 1 || limit > maxLimit) errors.Add("limit", $"The limit must be between 1 and {maxLimit}.");
        return new Paging(page is > 0 ? page.Value : 1, limit is > 0 && limit <= maxLimit ? limit.Value : defaultLimit);
    }

    /// <summary>Page and limit from body fields (seed 000 sends them as form fields).</summary>
    public static Paging From(RequestFields fields, int defaultLimit, int maxLimit, FieldErrors errors) =>
        From(Number(fields, "page", errors), Number(fields, "limit", errors), defaultLimit, maxLimit, errors);

    private static int? Number(RequestFields fields, string name, FieldErrors errors)
    {
        var text = fields[name];
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(name, $"The {name} must be a whole number.");
        return null;
    }
}
