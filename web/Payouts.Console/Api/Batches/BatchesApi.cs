namespace Payouts.Console.Api.Batches;

/// <summary>The bulk API (seed 001) as a company user calls it.</summary>
public sealed class BatchesApi(GatewayClient gateway)
{
    public Task<ApiResult<BatchList>> ListAsync(int page, int limit, CancellationToken ct = default) =>
        gateway.GetAsync<BatchList>($"v1/payouts?page={page}&limit={limit}", ApiJson.SnakeCase, ct);
}
