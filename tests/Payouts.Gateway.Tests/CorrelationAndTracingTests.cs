using System.Diagnostics;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class CorrelationAndTracingTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Correlation_id_is_generated_when_absent_forwarded_and_echoed()
    {
        using var response = await fixture.Client.SendAsync("POST", "/api/get/payouts/", TestTokens.User());

        var echoed = response.SingleHeader("X-Correlation-Id");
        Assert.False(string.IsNullOrEmpty(echoed));
        Assert.Equal(echoed, (await response.ReadEchoAsync()).CorrelationId);
    }

    [Fact]
    public async Task Caller_correlation_id_is_forwarded_and_echoed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payouts").WithBearer(TestTokens.User());
        request.Headers.Add("X-Correlation-Id", "order-42_retry.1");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal("order-42_retry.1", response.SingleHeader("X-Correlation-Id"));
        Assert.Equal("order-42_retry.1", (await response.ReadEchoAsync()).CorrelationId);
    }

    [Theory]
    [InlineData("has spaces in it")]
    [InlineData("semi;colon")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task Unsafe_correlation_id_is_replaced(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/payouts").WithBearer(TestTokens.User());
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", unsafeId);

        using var response = await fixture.Client.SendAsync(request);

        var echoed = response.SingleHeader("X-Correlation-Id");
        Assert.NotEqual(unsafeId, echoed);
        Assert.Matches("^[A-Za-z0-9._-]{1,64}$", echoed);
        Assert.Equal(echoed, (await response.ReadEchoAsync()).CorrelationId);
    }

    [Fact]
    public async Task Correlation_id_is_echoed_on_gateway_errors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/payouts");
        request.Headers.Add("X-Correlation-Id", "unauthenticated-call");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("unauthenticated-call", response.SingleHeader("X-Correlation-Id"));
    }

    [Fact]
    public async Task Trace_context_is_forwarded_in_the_same_trace()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();

        var (statusCode, echo) = await RawHttpClient.GetAsync(fixture.Factory.Address, "/v1/payouts", new Dictionary<string, string>
        {
            ["Authorization"] = $"Bearer {TestTokens.User()}",
            ["traceparent"] = $"00-{traceId}-{parentSpan}-01",
        });

        Assert.Equal(200, statusCode);
        var forwarded = echo?.TraceParent;
        Assert.NotNull(forwarded);
        var parts = forwarded.Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal(traceId.ToString(), parts[1]);
        // The gateway's own span sits between the caller and the service.
        Assert.NotEqual(parentSpan.ToString(), parts[2]);
    }

    [Fact]
    public async Task A_trace_is_started_when_the_caller_sends_none()
    {
        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", TestTokens.User());

        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", (await response.ReadEchoAsync()).TraceParent);
    }
}
