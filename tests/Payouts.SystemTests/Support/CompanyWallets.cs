using System.Globalization;
using System.Net.Http.Headers;

namespace Payouts.SystemTests.Support;

/// <summary>Money in a company's wallet, the way a company gets it (seed 003): an admin's invoice, the member's manual payment, the admin's approval.</summary>
public static class CompanyWallets
{
    public static async Task FundAsync(GatewayClient gateway, AuthenticationHeaderValue admin, AuthenticationHeaderValue member, string companyId, decimal amount, string currency)
    {
        var invoice = await gateway.PostAsync("/api/v1/billing/admin/invoices/", admin,
            new { company_id = companyId, amount = amount.ToString(CultureInfo.InvariantCulture), currency });
        Assert.True(invoice.IsOk, invoice.Raw);
        var payment = await gateway.PostAsync("/api/v1/billing/payments/manual/", member,
            new { invoice_id = invoice.Body.GetProperty("invoice").GetProperty("id").GetInt64(), payment_method = "bank_transfer", transaction_reference = $"WIRE-{companyId}" });
        Assert.True(payment.IsOk, payment.Raw);
        var approved = await gateway.PostAsync($"/api/v1/billing/admin/payments/{payment.Body.GetProperty("payment").GetProperty("id").GetInt64()}/approve/", admin, new { });
        Assert.True(approved.IsOk, approved.Raw);
    }
}
