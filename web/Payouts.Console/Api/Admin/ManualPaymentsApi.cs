using Payouts.Console.Api.Billing;

namespace Payouts.Console.Api.Admin;

/// <summary>The billing admin API (seed 003): manual payments companies submitted, approved or declined by an admin.</summary>
public sealed class ManualPaymentsApi(GatewayClient gateway)
{
    /// <summary>The statuses the list filters by; a manual payment waits in <c>pending_approval</c>.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["pending_approval", "completed", "failed", "pending", "processing", "succeeded", "refunded", "cancelled"];

    public Task<ApiResult<BillingPaymentList>> ListAsync(string status, CancellationToken ct = default) =>
        gateway.GetAsync<BillingPaymentList>($"api/v1/billing/admin/payments/?status={Uri.EscapeDataString(status)}", ApiJson.SnakeCase, ct);

    public Task<ApiResult<BillingPaymentAnswer>> ApproveAsync(long id, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<BillingPaymentAnswer>($"api/v1/billing/admin/payments/{id}/approve/", new { }, ApiJson.SnakeCase, idempotencyKey, ct);

    public Task<ApiResult<BillingPaymentAnswer>> DeclineAsync(long id, DeclinePaymentInput input, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<BillingPaymentAnswer>($"api/v1/billing/admin/payments/{id}/decline/", input.ToBody(), ApiJson.SnakeCase, idempotencyKey, ct);
}
