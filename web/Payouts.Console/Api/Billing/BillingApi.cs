namespace Payouts.Console.Api.Billing;

/// <summary>The billing API (seed 003) as a company user calls it: the company wallet, its invoices and its manual payments.</summary>
public sealed class BillingApi(GatewayClient gateway)
{
    public Task<ApiResult<WalletBalances>> BalanceAsync(CancellationToken ct = default) =>
        gateway.GetAsync<WalletBalances>("api/v1/billing/balance/", ApiJson.SnakeCase, ct);

    public Task<ApiResult<InvoiceList>> InvoicesAsync(CancellationToken ct = default) =>
        gateway.GetAsync<InvoiceList>("api/v1/billing/invoices/", ApiJson.SnakeCase, ct);

    public Task<ApiResult<BillingPaymentList>> PaymentsAsync(CancellationToken ct = default) =>
        gateway.GetAsync<BillingPaymentList>("api/v1/billing/payments/", ApiJson.SnakeCase, ct);

    public Task<ApiResult<AvailableMethods>> AvailableMethodsAsync(CancellationToken ct = default) =>
        gateway.GetAsync<AvailableMethods>("api/v1/billing/payment-methods/available/", ApiJson.SnakeCase, ct);

    /// <summary>Submits the payment for an admin's approval; <paramref name="idempotencyKey"/> is made once per payment the user starts.</summary>
    public Task<ApiResult<ManualPaymentSubmitted>> SubmitManualPaymentAsync(ManualPaymentInput input, string idempotencyKey, CancellationToken ct = default) =>
        gateway.PostAsync<ManualPaymentSubmitted>("api/v1/billing/payments/manual/", input.ToBody(), ApiJson.SnakeCase, idempotencyKey, ct);
}
