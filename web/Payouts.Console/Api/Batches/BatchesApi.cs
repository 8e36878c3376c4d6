namespace Payouts.Console.Api.Batches;

/// <summary>The bulk API (seed 001) as a company user calls it.</summary>
public sealed class BatchesApi(GatewayClient gateway)
{
    public Task<ApiResult<BatchList>> ListAsync(int page, int limit, CancellationToken ct = default) =>
        gateway.GetAsync<BatchList>($"v1/payouts?page={page}&limit={limit}", ApiJson.SnakeCase, ct);

    public Task<ApiResult<BatchDetails>> GetAsync(string id, CancellationToken ct = default) =>
        gateway.GetAsync<BatchDetails>($"v1/payouts/batches/{Uri.EscapeDataString(id)}", ApiJson.SnakeCase, ct);

    public Task<ApiResult<BatchStatusInfo>> StatusAsync(string id, CancellationToken ct = default) =>
        gateway.GetAsync<BatchStatusInfo>($"v1/payouts/batches/{Uri.EscapeDataString(id)}/status", ApiJson.SnakeCase, ct);

    public Task<ApiResult<BatchStatusInfo>> MarkReadyAsync(string id, CancellationToken ct = default) =>
        gateway.PostAsync<BatchStatusInfo>($"v1/payouts/batches/{Uri.EscapeDataString(id)}/ready", new { }, ApiJson.SnakeCase, ct: ct);

    public Task<ApiResult<BatchStatusInfo>> CancelAsync(string id, CancellationToken ct = default) =>
        gateway.PostAsync<BatchStatusInfo>($"v1/payouts/batches/{Uri.EscapeDataString(id)}/cancel", new { }, ApiJson.SnakeCase, ct: ct);

    /// <summary>The final approval; <paramref name="idempotencyKey"/> is made once per approval the user starts.</summary>
    public Task<ApiResult<BatchApproved>> ApproveAsync(string id, string code, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<BatchApproved>($"v1/payouts/batches/{Uri.EscapeDataString(id)}/approve", new { code }, ApiJson.SnakeCase, idempotencyKey, ct);
}
