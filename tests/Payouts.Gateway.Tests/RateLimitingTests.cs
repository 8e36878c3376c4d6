using System.Net;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

/// <summary>A gateway allowing 3 requests per token per 60 s window.</summary>
public sealed class RateLimitedGatewayFixture : GatewayFixture
{
    public const int PermitLimit = 3;
    public const int WindowSeconds = 60;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Gateway:RateLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Gateway:RateLimit:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class RateLimitingTests(RateLimitedGatewayFixture fixture) : IClassFixture<RateLimitedGatewayFixture>
{
    [Fact]
    public async Task Burst_past_the_limit_is_429_with_retry_after_and_the_bulk_body_exactly()
    {
        var token = TestTokens.User();
        await SpendBudgetAsync("/v1/payouts", token);

        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = RetryAfterSeconds(response);
        Assert.InRange(retryAfter, 1, RateLimitedGatewayFixture.WindowSeconds);
        Assert.Equal(
            $$"""{"error":"Rate limit exceeded. Please try again in {{retryAfter}} seconds."}""",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("POST", "/api/get/payouts/", Family.App)]
    [InlineData("POST", "/payout/simple", Family.SinglePayout)]
    [InlineData("GET", "/api/v1/billing/payments/", Family.Billing)]
    [InlineData("GET", "/api/admin/payouts", Family.Admin)]
    public async Task Rejection_uses_the_family_envelope_with_the_exact_sentence(string method, string path, Family family)
    {
        var token = TestTokens.Admin();
        await SpendBudgetAsync(path, token, method);

        using var response = await fixture.Client.SendAsync(method, path, token);

        var message = await EnvelopeAssert.IsErrorAsync(response, family, 429, "rate_limit_exceeded");
        Assert.Equal($"Rate limit exceeded. Please try again in {RetryAfterSeconds(response)} seconds.", message);
    }

    [Fact]
    public async Task One_tokens_burst_does_not_throttle_another_token()
    {
        var noisy = TestTokens.User("2001");
        var quiet = TestTokens.User("2002");
        await SpendBudgetAsync("/v1/payouts", noisy);
        using (var throttled = await fixture.Client.SendAsync("GET", "/v1/payouts", noisy))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        }

        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", quiet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Two_tokens_of_the_same_user_have_separate_budgets()
    {
        var first = TestTokens.User("3001");
        var second = TestTokens.User("3001");
        await SpendBudgetAsync("/v1/payouts", first);

        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_limited()
    {
        for (var i = 0; i < RateLimitedGatewayFixture.PermitLimit * 3; i++)
        {
            using var response = await fixture.Client.GetAsync("/alive");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private async Task SpendBudgetAsync(string path, string token, string method = "GET")
    {
        for (var i = 0; i < RateLimitedGatewayFixture.PermitLimit; i++)
        {
            using var response = await fixture.Client.SendAsync(method, path, token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static int RetryAfterSeconds(HttpResponseMessage response)
    {
        var header = response.SingleHeader("Retry-After");
        Assert.NotNull(header);
        return int.Parse(header, System.Globalization.CultureInfo.InvariantCulture);
    }
}
