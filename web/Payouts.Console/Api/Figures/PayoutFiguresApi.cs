namespace Payouts.Console.Api.Figures;

/// <summary>The admin API's figures per day, for the admin home's charts.</summary>
public sealed class PayoutFiguresApi(GatewayClient gateway)
{
    public Task<ApiResult<PayoutDaysResponse>> PerDayAsync(int days, string currency, CancellationToken ct = default) =>
        gateway.GetAsync<PayoutDaysResponse>($"api/admin/payouts/daily?days={days}&currency={Uri.EscapeDataString(currency)}", ApiJson.CamelCase, ct);
}
