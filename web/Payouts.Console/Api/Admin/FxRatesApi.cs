namespace Payouts.Console.Api.Admin;

/// <summary>
/// <c>GET /api/admin/fx-rates</c>: the rates payouts settle at. Setting one is a PUT, which the console's GatewayClient
/// does not send yet, so the console lists them only.
/// </summary>
public sealed class FxRatesApi(GatewayClient gateway)
{
    public Task<ApiResult<AdminEnvelope<FxRateList>>> ListAsync(CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<FxRateList>>("api/admin/fx-rates", ApiJson.CamelCase, ct);
}

public sealed record FxRateList(IReadOnlyList<FxRate> Rates);

public sealed record FxRate(string BaseCurrency, string QuoteCurrency, decimal Rate, decimal ProcessingFee, bool Enabled, DateTimeOffset UpdatedAt, string? UpdatedBy);
