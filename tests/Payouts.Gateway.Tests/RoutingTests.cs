using System.Net;
using Payouts.Gateway.Routing;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RoutingTests(GatewayFixture fixture)
{
    /// <summary>
    /// Every public path of ARCHITECTURE §5, written out by hand (not derived from the gateway's
    /// table) so a wrong or missing route fails here.
    /// </summary>
    public static TheoryData<string, string, string> PublicPaths => new()
    {
        // payouts: app and back office (seed 000)
        { "POST", "/api/get/payouts/", ClusterNames.Payouts },
        { "POST", "/api/action/payout/", ClusterNames.Payouts },
        { "POST", "/api/action/payout/cancel/", ClusterNames.Payouts },
        { "POST", "/api/payouts/all/", ClusterNames.Payouts },
        { "POST", "/api/payouts/process/", ClusterNames.Payouts },
        { "POST", "/api/payouts/reject/", ClusterNames.Payouts },
        { "POST", "/api/payouts/stats/", ClusterNames.Payouts },
        { "POST", "/api/user/balance/", ClusterNames.Payouts },
        { "GET", "/api/user/transactions/", ClusterNames.Payouts },
        { "POST", "/api/payment-methods/", ClusterNames.Payouts },
        // payouts: single payout (seed 002)
        { "POST", "/payout/simple", ClusterNames.Payouts },
        // payouts: billing (seed 003)
        { "GET", "/api/v1/billing/payments/", ClusterNames.Payouts },
        { "GET", "/api/v1/billing/payment-methods/available/", ClusterNames.Payouts },
        { "POST", "/api/v1/billing/payments/manual/", ClusterNames.Payouts },
        { "GET", "/api/v1/billing/invoices/12/", ClusterNames.Payouts },
        { "POST", "/api/v1/billing/admin/payments/7/approve/", ClusterNames.Payouts },
        // payouts: admin (seed 004)
        { "GET", "/api/admin/payouts", ClusterNames.Payouts },
        { "GET", "/api/admin/payouts/42", ClusterNames.Payouts },
        { "GET", "/api/admin/payouts/3f1c2b9e-5d7a-4c1e-9a7b-2f8e6d4c3b1a", ClusterNames.Payouts },
        { "POST", "/api/admin/payouts/42/process", ClusterNames.Payouts },
        { "POST", "/api/admin/payouts/42/reject", ClusterNames.Payouts },
        // payouts: admin directory and funding
        { "POST", "/api/admin/users", ClusterNames.Payouts },
        { "GET", "/api/admin/users/42", ClusterNames.Payouts },
        { "POST", "/api/admin/users/42/credits", ClusterNames.Payouts },
        { "GET", "/api/admin/fx-rates", ClusterNames.Payouts },
        { "PUT", "/api/admin/fx-rates/USD/NGN", ClusterNames.Payouts },
        // bank-accounts (seed 000 and 002)
        { "POST", "/api/update/bank-account/", ClusterNames.BankAccounts },
        { "POST", "/api/bank-accounts/", ClusterNames.BankAccounts },
        { "POST", "/api/bank-accounts/verify/", ClusterNames.BankAccounts },
        { "POST", "/api/bank-accounts/delete/", ClusterNames.BankAccounts },
        { "GET", "/beneficiaries", ClusterNames.BankAccounts },
        { "POST", "/beneficiaries", ClusterNames.BankAccounts },
        { "GET", "/beneficiaries/5", ClusterNames.BankAccounts },
        { "PUT", "/beneficiaries/5", ClusterNames.BankAccounts },
        { "PATCH", "/beneficiaries/5", ClusterNames.BankAccounts },
        { "DELETE", "/beneficiaries/5", ClusterNames.BankAccounts },
        { "POST", "/beneficiaries/5/details", ClusterNames.BankAccounts },
        // batches (seed 001)
        { "POST", "/v1/payouts/batch", ClusterNames.Batches },
        { "GET", "/v1/payouts/batches/PB-2024-001", ClusterNames.Batches },
        { "GET", "/v1/payouts/batches/PB-2024-001/status", ClusterNames.Batches },
        { "POST", "/v1/payouts/batches/PB-2024-001/recipients", ClusterNames.Batches },
        { "POST", "/v1/payouts/batches/PB-2024-001/ready", ClusterNames.Batches },
        { "POST", "/v1/payouts/batches/PB-2024-001/cancel", ClusterNames.Batches },
        { "POST", "/v1/payouts/batches/PB-2024-001/approve", ClusterNames.Batches },
        { "POST", "/v1/platform/2fa/enroll", ClusterNames.Batches },
        { "POST", "/v1/platform/2fa/confirm", ClusterNames.Batches },
        { "GET", "/v1/payouts", ClusterNames.Batches },
        { "GET", "/v1/users/validate/email/jane.doe@example.com", ClusterNames.Batches },
        { "GET", "/v1/admin/batches/PB-2024-001", ClusterNames.Batches },
        // settlement (seed 004 §4), which must win over /api/admin/payouts/{id}
        { "GET", "/api/admin/payouts/transfer-status/TRF-0001", ClusterNames.Settlement },
        { "GET", "/api/admin/settlement/reconciliation", ClusterNames.Settlement },
        { "GET", "/api/admin/settlement/reconciliation/finished", ClusterNames.Settlement },
        { "POST", "/api/admin/settlement/transfers/0b6f3c2e-6a51-4f0e-9d55-2f7a1c9e4b10/resolve", ClusterNames.Settlement },
        // notifications (app family)
        { "GET", "/api/v1/notifications/", ClusterNames.Notifications },
        { "POST", "/api/v1/notifications/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/read/", ClusterNames.Notifications },
        { "POST", "/api/v1/notifications/read-all/", ClusterNames.Notifications },
        { "GET", "/api/v1/notifications/preferences/", ClusterNames.Notifications },
        { "PUT", "/api/v1/notifications/preferences/", ClusterNames.Notifications },
        // webhooks (app family)
        { "GET", "/api/v1/webhooks/", ClusterNames.Notifications },
        { "POST", "/api/v1/webhooks/", ClusterNames.Notifications },
        { "GET", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/", ClusterNames.Notifications },
        { "PUT", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/", ClusterNames.Notifications },
        { "DELETE", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/", ClusterNames.Notifications },
        { "POST", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/rotate-secret/", ClusterNames.Notifications },
        { "GET", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/deliveries/", ClusterNames.Notifications },
        { "POST", "/api/v1/webhooks/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a57/deliveries/0193a5c2-7b1e-7c3d-9f4a-2b6e8d1c0a58/redeliver/", ClusterNames.Notifications },
    };

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task Public_path_reaches_its_cluster_with_path_and_method_unchanged(string method, string path, string cluster)
    {
        using var response = await fixture.Client.SendAsync(method, path, TestTokens.Admin(), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal(cluster, echo.Cluster);
        Assert.Equal(method, echo.Method);
        Assert.Equal(path, echo.Path);
        Assert.Equal(cluster, response.SingleHeader("X-Served-By"));
    }

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task Public_path_is_accepted_with_the_other_trailing_slash_form(string method, string path, string cluster)
    {
        var otherForm = path.EndsWith('/') ? path.TrimEnd('/') : path + "/";

        using var response = await fixture.Client.SendAsync(method, otherForm, TestTokens.Admin(), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal(cluster, echo.Cluster);
        Assert.Equal(otherForm, echo.Path);
    }

    [Theory]
    [InlineData("POST", "/api/get/payouts/", ClusterNames.Payouts)]
    [InlineData("GET", "/api/user/transactions/", ClusterNames.Payouts)]
    [InlineData("POST", "/payout/simple", ClusterNames.Payouts)]
    [InlineData("GET", "/api/v1/billing/payments/", ClusterNames.Payouts)]
    [InlineData("GET", "/beneficiaries/5", ClusterNames.BankAccounts)]
    [InlineData("GET", "/v1/payouts", ClusterNames.Batches)]
    [InlineData("GET", "/api/v1/notifications/", ClusterNames.Notifications)]
    [InlineData("POST", "/api/v1/notifications/read-all/", ClusterNames.Notifications)]
    [InlineData("PUT", "/api/v1/notifications/preferences/", ClusterNames.Notifications)]
    [InlineData("POST", "/api/v1/webhooks/", ClusterNames.Notifications)]
    public async Task A_user_token_reaches_non_admin_paths(string method, string path, string cluster)
    {
        using var response = await fixture.Client.SendAsync(method, path, TestTokens.User());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cluster, (await response.ReadEchoAsync()).Cluster);
    }

    [Fact]
    public async Task Query_string_and_body_are_forwarded()
    {
        var body = new ByteArrayContent(new byte[1234]);

        using var response = await fixture.Client.SendAsync("POST", "/api/get/payouts/?page=2&limit=20", TestTokens.User(), body);

        var echo = await response.ReadEchoAsync();
        Assert.Equal("?page=2&limit=20", echo.Query);
        Assert.Equal(1234, echo.BodyLength);
    }

    [Fact]
    public async Task Authorization_header_is_forwarded_unchanged()
    {
        var token = TestTokens.User();

        using var response = await fixture.Client.SendAsync("POST", "/api/user/balance/", token);

        Assert.Equal($"Bearer {token}", (await response.ReadEchoAsync()).Authorization);
    }
}
