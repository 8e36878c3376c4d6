namespace Payouts.Console.Api.Admin;

/// <summary>The admin payout API (seed 004) and settlement's transfer status, as an admin calls them.</summary>
public sealed class AdminPayoutsApi(GatewayClient gateway)
{
    public Task<ApiResult<AdminEnvelope<AdminPayoutList>>> ListAsync(AdminPayoutQuery query, CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<AdminPayoutList>>(query.ToPath(), ApiJson.CamelCase, ct);

    /// <summary>The last <paramref name="days"/> UTC days of payouts requested (by status now) and paid, for the admin home's charts.</summary>
    public Task<ApiResult<AdminEnvelope<PayoutDays>>> PerDayAsync(int days, string currency, CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<PayoutDays>>($"api/admin/payouts/daily?days={days}&currency={Uri.EscapeDataString(currency)}", ApiJson.CamelCase, ct);

    public Task<ApiResult<AdminEnvelope<AdminPayout>>> GetAsync(Guid id, CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<AdminPayout>>($"api/admin/payouts/{id}", ApiJson.CamelCase, ct);

    /// <summary>A transfer by the provider's id, which a payout paid through the provider holds as its <c>transactionReference</c>.</summary>
    public Task<ApiResult<AdminEnvelope<TransferStatus>>> TransferStatusAsync(string transferId, CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<TransferStatus>>($"api/admin/payouts/transfer-status/{Uri.EscapeDataString(transferId)}", ApiJson.CamelCase, ct);

    /// <summary>Pays the payout: with a reference it was paid outside the platform; without, settlement pays it through the provider.</summary>
    public Task<ApiResult<AdminActionEnvelope<ProcessedPayout>>> ProcessAsync(Guid id, ProcessPayoutInput input, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<AdminActionEnvelope<ProcessedPayout>>($"api/admin/payouts/{id}/process", input.ToBody(), ApiJson.CamelCase, idempotencyKey, ct);

    public Task<ApiResult<AdminActionEnvelope<RejectedPayout>>> RejectAsync(Guid id, RejectPayoutInput input, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<AdminActionEnvelope<RejectedPayout>>($"api/admin/payouts/{id}/reject", input.ToBody(), ApiJson.CamelCase, idempotencyKey, ct);
}
