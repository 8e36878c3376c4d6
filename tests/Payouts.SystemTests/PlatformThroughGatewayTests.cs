using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Payouts.Testing;

namespace Payouts.SystemTests;

/// <summary>The whole platform, started by the real AppHost on real PostgreSQL and RabbitMQ, driven through its gateway.</summary>
public sealed class PlatformThroughGatewayTests(RateLimitedPlatformFixture fixture, ITestOutputHelper output) : IClassFixture<RateLimitedPlatformFixture>
{
    private static readonly TimeSpan RestartTimeout = TimeSpan.FromSeconds(120);

    private DistributedApplication App => fixture.Platform.App;

    [Fact]
    public async Task Every_resource_is_healthy_and_every_replica_answers_its_health_check()
    {
        var platform = fixture.Platform;
        var model = App.Services.GetRequiredService<DistributedApplicationModel>();
        string[] infrastructure = ["postgres", "messaging", "mail", .. RunningPlatform.Databases.Values];
        string[] migrations = [.. RunningPlatform.Databases.Keys.Select(service => $"{service}-migrations")];
        string[] expected = [.. infrastructure, .. migrations, .. RunningPlatform.Services];
        // Aspire adds a hidden "<project>-rebuilder" beside each project (the dashboard's rebuild command): not ours.
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            model.Resources.Select(r => r.Name).Where(name => !name.EndsWith("-rebuilder", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        foreach (var name in infrastructure)
            Assert.True(RunningPlatform.IsHealthy(platform.Current(name)), RunningPlatform.Describe(platform.Current(name)));

        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        foreach (var service in RunningPlatform.Services)
        {
            var instances = await platform.InstancesAsync(service);
            Assert.Equal(service == "settlement" ? RunningPlatform.SettlementReplicas : 1, instances.Count);
            foreach (var instance in instances)
            {
                Assert.True(RunningPlatform.IsHealthy(instance), RunningPlatform.Describe(instance));
                // The replica itself, not Aspire's proxy in front of the replicas: the address its process listens on.
                var address = RunningPlatform.EnvironmentVariable(instance, "ASPNETCORE_URLS");
                Assert.False(string.IsNullOrEmpty(address), $"{instance.ResourceId} has no ASPNETCORE_URLS");
                using var response = await http.GetAsync(new Uri(new Uri(address.Split(';')[0]), "/health"));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{instance.ResourceId}: GET /health answered {(int)response.StatusCode}");
                Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
            }
            if (instances.Count > 1)
                Assert.Equal(instances.Count, instances.Select(i => RunningPlatform.EnvironmentVariable(i, "ASPNETCORE_URLS")).Distinct().Count());
        }

        // The gateway listens on the port the AppHost was given, with no proxy in front of it.
        Assert.Equal(platform.GatewayPort, App.GetEndpoint("gateway", "http").Port);
        var gateway = Assert.Single(await platform.InstancesAsync("gateway"));
        Assert.Contains($":{platform.GatewayPort}", RunningPlatform.EnvironmentVariable(gateway, "ASPNETCORE_URLS"));
    }

    [Fact]
    public async Task Each_service_gets_its_database_the_broker_and_the_services_it_calls_by_configuration()
    {
        var platform = fixture.Platform;
        var messaging = await platform.GetConnectionStringAsync("messaging");
        foreach (var (service, database) in RunningPlatform.Databases)
        {
            var connectionString = await platform.GetConnectionStringAsync(database);
            await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                Assert.Equal(database, connection.Database);
            }
            foreach (var instance in await platform.InstancesAsync(service))
            {
                Assert.Equal(connectionString, RunningPlatform.EnvironmentVariable(instance, $"ConnectionStrings__{database}"));
                if (service != "provider-sandbox")
                    Assert.Equal(messaging, RunningPlatform.EnvironmentVariable(instance, "ConnectionStrings__messaging"));
            }
        }

        foreach (var service in RunningPlatform.Services)
            foreach (var instance in await platform.InstancesAsync(service))
            {
                Assert.Equal(platform.SigningKey, RunningPlatform.EnvironmentVariable(instance, "Auth__SigningKey"));
                Assert.Equal(service, RunningPlatform.EnvironmentVariable(instance, "OTEL_SERVICE_NAME"));
                // The dashboard is off here, so nothing listens on its OTLP port: no exporter may retry into it.
                Assert.Null(RunningPlatform.EnvironmentVariable(instance, "OTEL_EXPORTER_OTLP_ENDPOINT"));
            }

        var payouts = Assert.Single(await platform.InstancesAsync("payouts"));
        AssertReferences(payouts, "bank-accounts", "settlement");
        var batches = Assert.Single(await platform.InstancesAsync("batches"));
        AssertReferences(batches, "payouts", "bank-accounts");
        var gateway = Assert.Single(await platform.InstancesAsync("gateway"));
        AssertReferences(gateway, "payouts", "bank-accounts", "batches", "settlement", "notifications");
        // The console reaches the platform only through the gateway: no database, no broker, no service behind it.
        var console = Assert.Single(await platform.InstancesAsync("console"));
        AssertReferences(console, "gateway");
        Assert.DoesNotContain(RunningPlatform.Databases.Values, database => RunningPlatform.EnvironmentVariable(console, $"ConnectionStrings__{database}") is not null);
        Assert.Null(RunningPlatform.EnvironmentVariable(console, "ConnectionStrings__messaging"));
        Assert.Null(RunningPlatform.EnvironmentVariable(gateway, "ConnectionStrings__messaging"));

        var settlement = await platform.InstancesAsync("settlement");
        Assert.Equal(RunningPlatform.SettlementReplicas, settlement.Count);
        foreach (var replica in settlement)
        {
            AssertReferences(replica, "bank-accounts", "payouts");
            Assert.Equal(App.GetEndpoint("provider-sandbox", "http").Port, new Uri(RunningPlatform.EnvironmentVariable(replica, "Provider__BaseUrl")!).Port);
        }
        // One service name, one instance id per replica.
        Assert.Equal(settlement.Count, settlement.Select(r => RunningPlatform.EnvironmentVariable(r, "OTEL_RESOURCE_ATTRIBUTES")).Distinct().Count());
    }

    [Fact]
    public async Task Each_migrations_resource_ran_once_to_completion_and_every_database_has_its_schema_including_the_outbox_and_inbox_tables()
    {
        var platform = fixture.Platform;
        foreach (var (service, database) in RunningPlatform.Databases)
        {
            var migrations = Assert.Single(await platform.InstancesAsync($"{service}-migrations"));
            Assert.True(migrations.Snapshot.State?.Text == KnownResourceStates.Finished && migrations.Snapshot.ExitCode == 0, RunningPlatform.Describe(migrations));

            await using var connection = new Npgsql.NpgsqlConnection(await platform.GetConnectionStringAsync(database));
            await connection.OpenAsync();
            await using var applied = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
            Assert.True((long)(await applied.ExecuteScalarAsync())! >= 1, $"{database}: no migration recorded");
            if (service == "provider-sandbox") continue; // the sandbox uses no broker
            await using var tables = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('outbox_message', 'inbox_state')", connection);
            Assert.Equal(2L, (long)(await tables.ExecuteScalarAsync())!);
        }
    }

    [Theory]
    [InlineData("POST", "/api/get/payouts/", "payouts")]
    [InlineData("POST", "/api/bank-accounts/", "bank-accounts")]
    [InlineData("GET", "/v1/payouts", "batches")]
    [InlineData("GET", "/api/admin/payouts/transfer-status/x", "settlement")]
    [InlineData("GET", "/api/v1/notifications/", "notifications")]
    public async Task A_request_through_the_gateway_reaches_the_service_that_owns_the_path(string method, string path, string service)
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = fixture.Tokens.Admin($"routing-{service}");
        if (method == "POST") request.Content = new FormUrlEncodedContent([]);

        using var response = await gateway.SendAsync(request);

        Assert.True(response.Headers.TryGetValues("X-Served-By", out var servedBy), $"{path}: no X-Served-By header (status {(int)response.StatusCode})");
        Assert.Equal(service, Assert.Single(servedBy));
        Assert.DoesNotContain(response.StatusCode, new[] { HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout });
    }

    [Fact]
    public async Task A_token_from_the_AppHost_token_command_is_accepted_by_the_gateway_and_the_service()
    {
        var output = await AppHostProcess.RunAsync("token", "--user", "42", "--role", "admin", "--company", "7", "--data-dir", fixture.DataDirectory);
        var token = output.Trim();
        Assert.Equal(3, token.Split('.').Length);

        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/payouts");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await gateway.SendAsync(request);

        Assert.DoesNotContain(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        Assert.Equal("payouts", Assert.Single(response.Headers.GetValues("X-Served-By")));
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");

        using var response = await gateway.PostAsync("/api/get/payouts/", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_user_token_on_an_admin_path_gets_403()
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/payouts");
        request.Headers.Authorization = fixture.Tokens.User("not-an-admin");

        using var response = await gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_burst_past_the_rate_limit_gets_429_with_Retry_After()
    {
        using var gateway = fixture.Platform.CreateHttpClient("gateway");
        var token = fixture.Tokens.User($"burst-{Guid.NewGuid():N}"); // the limit is per token: a fresh one starts with a full allowance

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < RateLimitedPlatformFixture.RateLimitPermits + 5 && limited is null; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/get/payouts/") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Authorization = token;
            var response = await gateway.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal(RateLimitedPlatformFixture.RateLimitPermits, statuses.Count(s => s != HttpStatusCode.TooManyRequests));
            var retryAfter = limited.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value.TotalSeconds, 1, PlatformFixture.RateLimitWindowSeconds);
            Assert.Contains("Rate limit exceeded", await limited.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_killed_service_process_is_restarted_by_the_AppHost_and_serves_again_through_the_gateway()
    {
        var platform = fixture.Platform;
        var before = Assert.Single(await platform.InstancesAsync("payouts"));
        output.WriteLine($"{before.ResourceId} properties: {string.Join(", ", before.Snapshot.Properties.Select(p => $"{p.Name}={p.Value}"))}");
        var pid = RunningPlatform.ProcessId(before);
        Assert.NotNull(pid);

        using var timeout = new CancellationTokenSource(RestartTimeout);
        var exited = App.ResourceNotifications.WaitForResourceAsync("payouts",
            e => e.Snapshot.State?.Text == KnownResourceStates.Exited || e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);
        await platform.KillAsync(before.ResourceId);

        var crash = await exited;
        output.WriteLine($"after the kill: {RunningPlatform.Describe(crash)}");
        var after = await platform.WaitForHealthyAsync("payouts", before.ResourceId, notProcess: pid, timeout.Token);
        Assert.NotEqual(pid, RunningPlatform.ProcessId(after));
        var logs = await platform.LogsAsync(before.ResourceId);
        Assert.Contains(logs, line => line.Contains("exited unexpectedly", StringComparison.Ordinal) && line.Contains("(restart 1)", StringComparison.Ordinal));

        // And it serves again through the gateway (whose route to payouts is Aspire's proxy, in front of the new process).
        using var gateway = platform.CreateHttpClient("gateway");
        var servedBy = await Eventually.ValueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/get/payouts/") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Authorization = fixture.Tokens.Admin("after-restart");
            using var response = await gateway.SendAsync(request);
            return (int)response.StatusCode < 500 && response.Headers.TryGetValues("X-Served-By", out var values) ? values.Single() : null;
        }, "payouts to answer through the gateway", TimeSpan.FromSeconds(30));
        Assert.Equal("payouts", servedBy);
    }

    private void AssertReferences(ResourceEvent instance, params string[] services)
    {
        foreach (var service in services)
        {
            var value = RunningPlatform.EnvironmentVariable(instance, $"services__{service}__http__0");
            Assert.False(value is null, $"{instance.ResourceId} has no services__{service}__http__0");
            Assert.Equal(App.GetEndpoint(service, "http").Port, new Uri(value).Port);
        }
    }
}
