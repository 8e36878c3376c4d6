using System.Net;
using Payouts.AppHost.Resources;

namespace Payouts.SystemTests;

/// <summary>The whole platform, started by the AppHost on real PostgreSQL and RabbitMQ, driven through its gateway.</summary>
public sealed class PlatformThroughGatewayTests(RateLimitedPlatformFixture fixture) : IClassFixture<RateLimitedPlatformFixture>
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_resource_is_healthy_and_every_replica_answers_its_health_check()
    {
        var platform = fixture.Platform;

        Assert.All(platform.Resources, resource => Assert.Equal(ResourceState.Healthy, resource.State));
        Assert.Equal(
            ["postgres", "messaging", "provider-sandbox", "bank-accounts", "payouts", "batches", "settlement", "gateway"],
            platform.Resources.Select(r => r.Name));
        Assert.Equal(2, platform.GetProject("settlement").Replicas.Count);

        foreach (var replica in platform.Resources.OfType<ProjectResource>().SelectMany(p => p.Replicas))
        {
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = replica.Endpoint };
            using var response = await client.GetAsync("/health");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{replica.Id}: GET /health answered {(int)response.StatusCode}");
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Each_service_gets_its_database_and_the_broker_by_connection_string()
    {
        var platform = fixture.Platform;
        foreach (var database in new[] { "payoutsdb", "bankaccountsdb", "batchesdb", "settlementdb" })
        {
            await using var connection = new Npgsql.NpgsqlConnection(platform.GetConnectionString(database));
            await connection.OpenAsync();
            Assert.Equal(database, connection.Database);
        }

        var payouts = platform.GetProject("payouts").Replicas[0].Environment;
        Assert.Equal(platform.GetConnectionString("payoutsdb"), payouts["ConnectionStrings__payoutsdb"]);
        Assert.Equal(platform.GetConnectionString("messaging"), payouts["ConnectionStrings__messaging"]);
        Assert.Equal(platform.GetEndpoint("bank-accounts").GetLeftPart(UriPartial.Authority), payouts["services__bank-accounts__http__0"]);
        Assert.Equal("payouts", payouts["OTEL_SERVICE_NAME"]);
        Assert.Equal("service.instance.id=payouts-1", payouts["OTEL_RESOURCE_ATTRIBUTES"]);

        var gateway = platform.GetProject("gateway").Replicas[0].Environment;
        Assert.Equal(platform.GetEndpoint("settlement", 1).GetLeftPart(UriPartial.Authority), gateway["services__settlement__http__1"]);
    }

    [Fact]
    public async Task Each_service_applied_its_migrations_at_start_including_the_outbox_and_inbox_tables()
    {
        var platform = fixture.Platform;
        foreach (var database in new[] { "payoutsdb", "bankaccountsdb", "batchesdb", "settlementdb" })
        {
            await using var connection = new Npgsql.NpgsqlConnection(platform.GetConnectionString(database));
            await connection.OpenAsync();
            await using var applied = new Npgsql.NpgsqlCommand("""SELECT count(*) FROM "__EFMigrationsHistory" """, connection);
            Assert.True((long)(await applied.ExecuteScalarAsync())! >= 1, $"{database}: no migration recorded");
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
        var output = await AppHostProcess.RunAsync("token", "--user", "42", "--role", "admin", "--company", "7", "--data-dir", fixture.Platform.DataDirectory);
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
    public async Task A_killed_service_process_is_restarted_and_becomes_healthy_again()
    {
        var platform = fixture.Platform;
        var before = platform.GetProcessId("payouts");
        Assert.NotNull(before);

        await platform.KillReplicaAsync("payouts", 0);

        Assert.NotEqual(ResourceState.Healthy, platform.GetResource("payouts").State);
        await platform.WaitForHealthyAsync("payouts", HealthTimeout);
        var after = platform.GetProcessId("payouts");
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.Equal(1, platform.GetProject("payouts").Replicas[0].RestartCount);
        Assert.Contains(platform.GetLogs("apphost"), line => line.Text.StartsWith("payouts-1 exited with code 137; restarting in", StringComparison.Ordinal));

        // And it serves again through the gateway.
        using var gateway = platform.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/get/payouts/") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = fixture.Tokens.Admin("after-restart");
        using var response = await gateway.SendAsync(request);
        Assert.Equal("payouts", Assert.Single(response.Headers.GetValues("X-Served-By")));
    }
}
