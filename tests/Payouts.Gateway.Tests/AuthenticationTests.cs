using System.Net;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthenticationTests(GatewayFixture fixture)
{
    /// <summary>One path per family, with the envelope its 401 must use.</summary>
    public static TheoryData<string, string, Family> OnePathPerFamily => new()
    {
        { "POST", "/api/get/payouts/", Family.App },
        { "POST", "/api/bank-accounts/", Family.App },
        { "POST", "/payout/simple", Family.SinglePayout },
        { "GET", "/beneficiaries", Family.SinglePayout },
        { "GET", "/api/v1/billing/payments/", Family.Billing },
        { "GET", "/v1/payouts", Family.Bulk },
        { "GET", "/api/admin/payouts", Family.Admin },
        { "GET", "/api/admin/payouts/transfer-status/TRF-1", Family.Admin },
    };

    [Theory]
    [MemberData(nameof(OnePathPerFamily))]
    public async Task Missing_token_is_401_in_the_family_envelope(string method, string path, Family family)
    {
        using var response = await fixture.Client.SendAsync(method, path);

        await EnvelopeAssert.IsErrorAsync(response, family, 401, "authentication_required");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("gateway", response.SingleHeader("X-Served-By"));
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "malformed", "not-a-jwt" },
        { "expired", TestTokens.Expired() },
        { "wrong signing key", TestTokens.WrongKey() },
        { "wrong audience", TestTokens.WrongAudience() },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_token_is_401_and_never_forwarded(string kind, string token)
    {
        Assert.NotEmpty(kind);
        foreach (var (method, path, family) in new[] { ("POST", "/api/get/payouts/", Family.App), ("GET", "/v1/payouts", Family.Bulk), ("GET", "/api/admin/payouts", Family.Admin) })
        {
            using var response = await fixture.Client.SendAsync(method, path, token);

            await EnvelopeAssert.IsErrorAsync(response, family, 401, "authentication_required");
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task App_family_401_body_matches_seed_000()
    {
        using var response = await fixture.Client.SendAsync("POST", "/api/action/payout/");

        var body = await response.ReadJsonAsync();
        Assert.Equal("authentication_required", body.GetProperty("error").GetString());
        Assert.Equal("Authentication is required for this endpoint", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Bulk_family_401_without_a_token_is_worded_as_seed_001()
    {
        using var response = await fixture.Client.SendAsync("POST", "/v1/payouts/batch");

        Assert.Equal("No authorization token provided", await EnvelopeAssert.IsErrorAsync(response, Family.Bulk, 401, "authentication_required"));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_are_anonymous(string path)
    {
        using var response = await fixture.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
