namespace Payouts.Console.Api.Admin;

/// <summary>SettlementService's admin API: the reconciliation reports and resolving a transfer reconciliation could not.</summary>
public sealed class SettlementApi(GatewayClient gateway)
{
    public Task<ApiResult<AdminEnvelope<ReconciliationData>>> OpenReportAsync(CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<ReconciliationData>>("api/admin/settlement/reconciliation", ApiJson.CamelCase, ct);

    public Task<ApiResult<AdminEnvelope<FinishedTransfersData>>> FinishedReportAsync(FinishedReportQuery query, CancellationToken ct = default) =>
        gateway.GetAsync<AdminEnvelope<FinishedTransfersData>>(query.ToPath(DateTimeOffset.UtcNow), ApiJson.CamelCase, ct);

    /// <summary>The API refuses (409) what the provider's live answer contradicts; the key makes a repeated click one request.</summary>
    public Task<ApiResult<AdminEnvelope<TransferResolution>>> ResolveAsync(Guid payoutId, ResolveTransferInput input, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<AdminEnvelope<TransferResolution>>($"api/admin/settlement/transfers/{payoutId}/resolve", input.ToBody(), ApiJson.CamelCase, idempotencyKey, ct);
}
