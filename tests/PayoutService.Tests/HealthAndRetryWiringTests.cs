using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Payouts.PayoutService.Tests.Support;

namespace Payouts.PayoutService.Tests;

/// <summary>How this service is wired by ServiceDefaults and the Aspire client integrations: health tags and checks, EF retries.</summary>
[Collection(PayoutServiceCollection.Name)]
public sealed class HealthAndRetryWiringTests(PayoutServiceFixture fixture)
{
    /// <summary>The integrations register their checks untagged; <c>/alive</c> must not run them, <c>/health</c> must.</summary>
    [Fact]
    public void Dependency_checks_are_tagged_ready_and_only_the_process_check_is_tagged_live()
    {
        var registrations = fixture.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(["self"], registrations.Where(r => r.Tags.Contains(Extensions.LiveTag)).Select(r => r.Name));
        foreach (var name in new[] { "PayoutsDbContext", "RabbitMQ.Client", "masstransit-bus" })
        {
            var registration = Assert.Single(registrations, r => r.Name == name);
            Assert.Contains(Extensions.ReadyTag, registration.Tags);
        }
    }

    [Fact]
    public async Task Health_and_alive_answer_healthy_once_the_database_and_broker_are_reachable()
    {
        using var client = fixture.AnonymousClient();

        using var health = await client.GetAsync(new Uri(Extensions.HealthEndpointPath, UriKind.Relative));
        using var alive = await client.GetAsync(new Uri(Extensions.AlivenessEndpointPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>The retry now comes from the integration's enrichment; ExecuteInTransactionAsync exists because of it.</summary>
    [Fact]
    public async Task The_context_retries_transient_failures()
    {
        var strategy = await fixture.QueryAsync(db => Task.FromResult(db.Database.CreateExecutionStrategy()));

        Assert.IsType<NpgsqlRetryingExecutionStrategy>(strategy);
    }
}
