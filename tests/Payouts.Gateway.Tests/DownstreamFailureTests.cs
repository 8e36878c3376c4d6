using System.Net;
using System.Net.Sockets;
using Payouts.Gateway.Routing;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

/// <summary>
/// payouts points at a port nothing listens on (service down); settlement has no address at
/// all; the other two are up.
/// </summary>
public sealed class DownstreamFailureFixture : GatewayFixture
{
    protected override IEnumerable<string> RunningClusters => [ClusterNames.BankAccounts, ClusterNames.Batches];

    protected override void Configure(Dictionary<string, string?> settings) =>
        settings[$"services:{ClusterNames.Payouts}:http:0"] = $"http://127.0.0.1:{UnusedPort()}";

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class DownstreamFailureTests(DownstreamFailureFixture fixture) : IClassFixture<DownstreamFailureFixture>
{
    [Theory]
    [InlineData("POST", "/api/get/payouts/", Family.App)]
    [InlineData("POST", "/payout/simple", Family.SinglePayout)]
    [InlineData("GET", "/api/v1/billing/payments/", Family.Billing)]
    [InlineData("GET", "/api/admin/payouts/42", Family.Admin)]
    public async Task Unreachable_service_is_502_in_the_family_envelope(string method, string path, Family family)
    {
        using var response = await fixture.Client.SendAsync(method, path, TestTokens.Admin());

        await EnvelopeAssert.IsErrorAsync(response, family, 502, "service_unavailable");
        Assert.Equal("gateway", response.SingleHeader("X-Served-By"));
    }

    [Fact]
    public async Task Service_without_any_destination_is_503_in_the_family_envelope()
    {
        using var response = await fixture.Client.SendAsync("GET", "/api/admin/payouts/transfer-status/TRF-1", TestTokens.Admin());

        var message = await EnvelopeAssert.IsErrorAsync(response, Family.Admin, 503, "service_unavailable");
        Assert.Equal("No instance of the service is available", message);
    }

    [Fact]
    public async Task Healthy_services_keep_working_while_another_is_down()
    {
        using var response = await fixture.Client.SendAsync("GET", "/v1/payouts", TestTokens.User());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClusterNames.Batches, (await response.ReadEchoAsync()).Cluster);
    }

    [Fact]
    public async Task Health_reports_the_cluster_without_destinations_but_alive_stays_up()
    {
        using var health = await fixture.Client.GetAsync("/health");
        using var alive = await fixture.Client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }
}
