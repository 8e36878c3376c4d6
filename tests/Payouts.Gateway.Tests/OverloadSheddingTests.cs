using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Gateway.Overload;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

/// <summary>A gateway forwarding one request at a time, with no queue.</summary>
public sealed class NoQueueGatewayFixture : GatewayFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Gateway:Overload:MaxConcurrentRequests"] = "1";
        settings["Gateway:Overload:QueueLimit"] = "0";
        settings["Gateway:Overload:RetryAfter"] = "00:00:03";
    }
}

/// <summary>A gateway forwarding one request at a time; one more may wait a quarter of a second.</summary>
public sealed class ShortQueueGatewayFixture : GatewayFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Gateway:Overload:MaxConcurrentRequests"] = "1";
        settings["Gateway:Overload:QueueLimit"] = "1";
        settings["Gateway:Overload:MaxQueueWait"] = "00:00:00.250";
    }
}

public sealed class OverloadSheddingTests(NoQueueGatewayFixture fixture) : IClassFixture<NoQueueGatewayFixture>
{
    [Theory]
    [InlineData("POST", "/api/get/payouts/", Family.App)]
    [InlineData("POST", "/payout/simple", Family.SinglePayout)]
    [InlineData("GET", "/api/admin/payouts", Family.Admin)]
    public async Task A_request_beyond_the_limit_is_503_with_retry_after_in_the_family_envelope(string method, string path, Family family)
    {
        await using var held = await HeldRequest.StartAsync(fixture);

        using var response = await fixture.Client.SendAsync(method, path, TestTokens.Admin());

        var message = await EnvelopeAssert.IsErrorAsync(response, family, 503, "service_unavailable");
        Assert.Equal(OverloadSheddingMiddleware.BusyMessage, message);
        Assert.Equal("3", response.SingleHeader("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, await held.ReleaseAsync());
    }

    [Fact]
    public async Task The_place_is_free_again_once_the_request_holding_it_ends()
    {
        await using (var held = await HeldRequest.StartAsync(fixture))
        {
            Assert.Equal(HttpStatusCode.OK, await held.ReleaseAsync());
        }

        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", TestTokens.User());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_probes_are_never_shed()
    {
        await using var held = await HeldRequest.StartAsync(fixture);

        using var response = await fixture.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await held.ReleaseAsync());
    }
}

public sealed class OverloadQueueTests(ShortQueueGatewayFixture fixture) : IClassFixture<ShortQueueGatewayFixture>
{
    [Fact]
    public async Task A_queued_request_is_refused_once_its_wait_runs_out()
    {
        await using var held = await HeldRequest.StartAsync(fixture);

        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", TestTokens.User());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.SingleHeader("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, await held.ReleaseAsync());
    }

    [Fact]
    public async Task A_queued_request_is_forwarded_when_the_place_frees_within_its_wait()
    {
        await using var held = await HeldRequest.StartAsync(fixture);
        var queued = fixture.Client.SendAsync("GET", "/v1/payouts", TestTokens.User());

        Assert.Equal(HttpStatusCode.OK, await held.ReleaseAsync());
        using var response = await queued;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>
/// A request the gateway has forwarded and whose body has not ended, so it holds its place until released: the echo
/// backend reads the whole body before it answers.
/// </summary>
internal sealed class HeldRequest : IAsyncDisposable
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _bodyStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<HttpResponseMessage> _response = null!;

    public static async Task<HeldRequest> StartAsync(GatewayFixture fixture)
    {
        var held = new HeldRequest();
        held._response = fixture.Client.SendAsync("POST", "/api/get/payouts/", TestTokens.User(), new HeldBody(held._bodyStarted, held._release.Task));
        await held._bodyStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The first bytes are sent; the request holds its place once the gateway has taken the permit.
        var places = fixture.Factory.Services.GetRequiredService<ConcurrencyLimiter>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (places.GetStatistics()!.CurrentAvailablePermits > 0)
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        return held;
    }

    public async Task<HttpStatusCode> ReleaseAsync()
    {
        _release.TrySetResult();
        using var response = await _response.WaitAsync(TimeSpan.FromSeconds(30));
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        try
        {
            (await _response).Dispose();
        }
        catch (HttpRequestException)
        {
            // Already asserted on, or the test failed before that.
        }
    }

    private sealed class HeldBody(TaskCompletionSource started, Task release) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync("{\"amount\":"u8.ToArray());
            await stream.FlushAsync();
            started.TrySetResult();
            await release;
            await stream.WriteAsync("1}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
