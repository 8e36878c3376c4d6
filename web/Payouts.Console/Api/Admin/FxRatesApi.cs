namespace Payouts.Console.Api.Admin;

/// <summary>
/// The FX rates payouts settle at (PayoutService <c>Endpoints/FxRateEndpoints.cs</c>): <c>GET /api/admin/fx-rates</c>
/// lists them, <c>PUT /api/admin/fx-rates/{base}/{quote}</c> sets one. The PUT takes no idempotency key: it sets the
/// pair's whole row, so sending it again leaves the same rate.
/// </summary>
public sealed class FxRatesApi(GatewayClient gateway)
{
    public Task<ApiResult<AdminEnvelope<FxRateList>>> ListAsync(CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<FxRateList>>("api/admin/fx-rates", ApiJson.CamelCase, ct);

    /// <summary>Sends a setting the form checked (<see cref="FxRateSetting.From"/>); the API may still refuse it (an unsupported currency…).</summary>
    public Task<ApiResult<AdminActionEnvelope<FxRate>>> SetAsync(FxRateSetting setting, CancellationToken ct = default) =>
        gateway.PutAsync<AdminActionEnvelope<FxRate>>(
            $"api/admin/fx-rates/{Uri.EscapeDataString(setting.BaseCurrency)}/{Uri.EscapeDataString(setting.QuoteCurrency)}",
            new { rate = setting.Rate, processingFee = setting.ProcessingFee, enabled = setting.Enabled }, ApiJson.CamelCase, ct);
}

public sealed record FxRateList(IReadOnlyList<FxRate> Rates);

public sealed record FxRate(string BaseCurrency, string QuoteCurrency, decimal Rate, decimal ProcessingFee, bool Enabled, DateTimeOffset UpdatedAt, string? UpdatedBy);
