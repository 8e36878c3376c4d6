using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Payouts.Contracts.Settlement;
using Payouts.ServiceDefaults.Authentication;
using Payouts.SettlementService.Tests.Support;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests;

/// <summary>Seed 004 §4: <c>GET /api/admin/payouts/transfer-status/{transferId}</c>.</summary>
[Collection(Infrastructure.Collection)]
public sealed class TransferStatusTests(SettlementFixture fixture) : IClassFixture<SettlementFixture>
{
    private static readonly LocalTokenIssuer Tokens = new(new AuthSettings(SettlementHost.SigningKey));

    [Fact]
    public async Task A_settled_transfer_shows_the_seed_body_with_the_account_number_masked()
    {
        var command = new SettlePayout(Guid.NewGuid(), "PO-STATUS", DestinationKind.BankAccount, fixture.Bus.AddBankAccount("5566778899"), "bank_transfer", 149.95m, "USD", "Payout to Ada");
        await fixture.Bus.SendAsync(command);
        var outcome = await fixture.Bus.WaitForOutcomeAsync(command.PayoutId, TimeSpan.FromSeconds(30));
        var settled = outcome as PayoutSettled ?? throw new Xunit.Sdk.XunitException($"Expected the transfer settled, got {outcome}");

        using var client = Client(PayoutsRoles.Admin);
        using var response = await client.GetAsync($"/api/admin/payouts/transfer-status/{settled.ProviderTransferId}");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("success").GetBoolean());
        var data = body.GetProperty("data");
        Assert.Equal(settled.ProviderTransferId, data.GetProperty("_id").GetString());
        Assert.Equal("completed", data.GetProperty("status").GetString());
        Assert.Equal(149.95m, data.GetProperty("amount").GetDecimal());
        Assert.Equal(SandboxHost.DebitAccount, data.GetProperty("debitAccountId").GetString());
        Assert.Equal("011", data.GetProperty("beneficiaryBankCode").GetString());
        Assert.Equal("****8899", data.GetProperty("beneficiaryAccountNumber").GetString());
        Assert.Equal("Payout to Ada", data.GetProperty("narration").GetString());
        Assert.Equal(command.PayoutId.ToString(), data.GetProperty("paymentReference").GetString());
        // Seed 004's forms: money as written (149.95), timestamps in UTC to the second with a Z.
        Assert.Equal("149.95", data.GetProperty("amount").GetRawText());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", data.GetProperty("createdAt").GetString());
        Assert.DoesNotContain("5566778899", body.GetRawText());
    }

    [Fact]
    public async Task An_unknown_transfer_is_404_in_the_admin_envelope()
    {
        using var client = Client(PayoutsRoles.Admin);

        using var response = await client.GetAsync("/api/admin/payouts/transfer-status/000000000000000000000000");

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("Transfer not found", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Only_administrators_may_read_transfer_status()
    {
        using var user = Client(PayoutsRoles.User);
        using var anonymous = fixture.Settlement.CreateClient();

        using var forbidden = await user.GetAsync("/api/admin/payouts/transfer-status/000000000000000000000000");
        using var unauthorized = await anonymous.GetAsync("/api/admin/payouts/transfer-status/000000000000000000000000");

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
    }

    private HttpClient Client(string role)
    {
        var client = fixture.Settlement.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(new AuthTokenRequest("9001", [role])));
        return client;
    }
}
