using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class NotFoundTests(GatewayFixture fixture)
{
    public static TheoryData<string, string, Family> UnknownRoutes => new()
    {
        { "GET", "/api/unknown/", Family.App },
        { "GET", "/nothing-here", Family.App },
        { "GET", "/favicon.ico", Family.App },
        { "POST", "/api/admin/payouts/42/approve", Family.Admin },
        { "POST", "/api/admin/transfers", Family.Admin },
        { "DELETE", "/v1/payouts/batch", Family.Bulk },
        { "GET", "/v1/unknown", Family.Bulk },
        { "GET", "/payout/simple", Family.SinglePayout },
        { "GET", "/payout/other", Family.SinglePayout },
        { "GET", "/api/get/payouts/", Family.App },
    };

    [Theory]
    [MemberData(nameof(UnknownRoutes))]
    public async Task Unknown_route_or_method_is_404_in_the_family_envelope(string method, string path, Family family)
    {
        using var response = await fixture.Client.SendAsync(method, path, TestTokens.Admin());

        await EnvelopeAssert.IsErrorAsync(response, family, 404, "not_found");
    }

    [Fact]
    public async Task Unknown_route_is_404_without_a_token_too()
    {
        using var response = await fixture.Client.SendAsync("GET", "/v1/unknown");

        Assert.Equal("The requested resource was not found", await EnvelopeAssert.IsErrorAsync(response, Family.Bulk, 404, "not_found"));
    }
}
