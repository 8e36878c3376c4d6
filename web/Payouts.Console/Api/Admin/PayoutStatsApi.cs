using System.Globalization;

namespace Payouts.Console.Api.Admin;

/// <summary>
/// Seed 000's back-office statistics (<c>POST /api/payouts/stats/</c>, snake_case): counts by status and the amount of
/// the payouts requested in a window (<c>date_from</c>..<c>date_to</c>, whole days, by request date). No endpoint
/// answers per day, so a day is one call.
/// </summary>
public sealed class PayoutStatsApi(GatewayClient gateway)
{
    public Task<ApiResult<PayoutStatistics>> ForDayAsync(DateOnly day, string? status, string currency, CancellationToken ct = default)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return gateway.PostAsync<PayoutStatistics>("api/payouts/stats/", new StatsQuery(date, date, status, currency), ApiJson.SnakeCase, ct: ct);
    }

    private sealed record StatsQuery(string DateFrom, string DateTo, string? Status, string Currency);
}

public sealed record PayoutStatistics(
    int TotalPayouts, decimal TotalAmount, decimal AveragePayout, string Currency, IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByMethod);
