using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Payouts.BankAccountService.Tests.Support;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Http;

[Collection(Infrastructure.Collection)]
public sealed class StartupTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Outside_Development_the_service_refuses_to_start_without_encryption_keys()
    {
        await using var host = await BankAccountServiceHost.WithoutKeysAsync(infrastructure);

        var error = Assert.Throws<InvalidOperationException>(() => host.StartServer());

        Assert.Contains("BankAccounts:Encryption:Keys", error.Message);
    }

    /// <summary>
    /// The bus starts in the background and the broker check connects on a probe, not at start: the process comes up
    /// (alive) and reports unhealthy until the broker is there, each probe's broker check answering at once.
    /// </summary>
    [Fact]
    public async Task With_the_broker_down_the_service_starts_alive_but_unhealthy()
    {
        await using var host = await BankAccountServiceHost.WithBrokerDownAsync(infrastructure);

        host.StartServer();
        using var client = host.CreateClient();
        using var alive = await client.GetAsync("/alive");
        using var health = await client.GetAsync("/health");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var broker = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "RabbitMQ.Client");

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal(HealthStatus.Unhealthy, broker.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The broker check took {clock.Elapsed}.");
    }
}
