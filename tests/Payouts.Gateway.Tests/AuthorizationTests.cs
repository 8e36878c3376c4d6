using System.Net;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthorizationTests(GatewayFixture fixture)
{
    /// <summary>Every admin-only family: seed 004 admin paths, seed 000 back office, seed 003 billing admin, the batch saga's admin read.</summary>
    public static TheoryData<string, string, Family> AdminPaths => new()
    {
        { "GET", "/api/admin/payouts", Family.Admin },
        { "GET", "/api/admin/payouts/42", Family.Admin },
        { "POST", "/api/admin/payouts/42/process", Family.Admin },
        { "POST", "/api/admin/payouts/42/reject", Family.Admin },
        { "POST", "/api/admin/users", Family.Admin },
        { "GET", "/api/admin/users/42", Family.Admin },
        { "POST", "/api/admin/users/42/credits", Family.Admin },
        { "GET", "/api/admin/fx-rates", Family.Admin },
        { "PUT", "/api/admin/fx-rates/USD/NGN", Family.Admin },
        { "GET", "/api/admin/payouts/transfer-status/TRF-1", Family.Admin },
        { "GET", "/api/admin/settlement/reconciliation", Family.Admin },
        { "GET", "/api/admin/settlement/reconciliation/finished", Family.Admin },
        { "POST", "/api/admin/settlement/transfers/0b6f3c2e-6a51-4f0e-9d55-2f7a1c9e4b10/resolve", Family.Admin },
        { "POST", "/api/payouts/all/", Family.App },
        { "POST", "/api/payouts/process/", Family.App },
        { "POST", "/api/payouts/reject/", Family.App },
        { "POST", "/api/payouts/stats/", Family.App },
        { "POST", "/api/v1/billing/admin/payments/7/approve/", Family.Billing },
        { "GET", "/v1/admin/batches/PB-2024-001", Family.Bulk },
    };

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task User_token_is_403_on_admin_paths(string method, string path, Family family)
    {
        using var response = await fixture.Client.SendAsync(method, path, TestTokens.User());

        await EnvelopeAssert.IsErrorAsync(response, family, 403, "insufficient_permissions");
    }

    [Theory]
    [MemberData(nameof(AdminPaths))]
    public async Task Admin_and_super_admin_reach_admin_paths(string method, string path, Family family)
    {
        Assert.True(Enum.IsDefined(family));
        foreach (var token in new[] { TestTokens.Admin(), TestTokens.SuperAdmin() })
        {
            using var response = await fixture.Client.SendAsync(method, path, token);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(path, (await response.ReadEchoAsync()).Path);
        }
    }

    [Fact]
    public async Task Token_without_any_role_is_403_on_admin_paths()
    {
        using var response = await fixture.Client.SendAsync("GET", "/api/admin/payouts", TestTokens.Issue("1234"));

        await EnvelopeAssert.IsErrorAsync(response, Family.Admin, 403, "insufficient_permissions");
    }

    [Fact]
    public async Task Role_among_several_counts()
    {
        using var response = await fixture.Client.SendAsync("GET", "/api/admin/payouts", TestTokens.Issue("1234", "user", "super_admin"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
