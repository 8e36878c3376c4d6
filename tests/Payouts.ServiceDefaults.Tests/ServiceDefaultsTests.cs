using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>
/// A minimal service built the way the real ones are (AddServiceDefaults, MapDefaultEndpoints,
/// MapPublicApiFallback), on loopback Kestrel, calling the batches echo backend by service name.
/// </summary>
public sealed class ServiceHostFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public EchoBackend Batches { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Batches = await EchoBackend.StartAsync("batches");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_SERVICE_NAME"] = "sample-service",
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["services:batches:http:0"] = Batches.Address.ToString().TrimEnd('/'),
        });
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("batches", client => client.BaseAddress = new Uri("http://batches"));

        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/api/boom", string () => throw new InvalidOperationException("secret detail"));
        _app.MapGet("/internal/boom", string () => throw new InvalidOperationException("secret detail"));
        _app.MapGet("/api/admin/only", () => "ok").RequireAuthorization(PayoutsPolicies.Admin);
        _app.MapGet("/v1/call-batches", async (IHttpClientFactory clients) =>
            await clients.CreateClient("batches").GetFromJsonAsync<EchoedRequest>("/v1/payouts"));
        _app.MapPublicApiFallback();
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Batches.DisposeAsync();
    }
}

public sealed class ServiceDefaultsTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task Unhandled_exception_on_a_public_path_is_500_in_the_envelope_without_details()
    {
        using var response = await fixture.Client.GetAsync("/api/boom");

        var message = await EnvelopeAssert.IsErrorAsync(response, Family.App, 500, "internal_error");
        Assert.DoesNotContain("secret detail", message);
        Assert.DoesNotContain("secret detail", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unhandled_exception_elsewhere_is_problem_details()
    {
        using var response = await fixture.Client.GetAsync("/internal/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret detail", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/v1/users/validate/email/a@b.com/unknown", Family.Bulk)]
    [InlineData("/api/admin/nothing", Family.Admin)]
    public async Task Fallback_is_404_in_the_family_envelope(string path, Family family)
    {
        using var response = await fixture.Client.GetAsync(path);

        await EnvelopeAssert.IsErrorAsync(response, family, 404, "not_found");
    }

    [Fact]
    public async Task Admin_policy_and_envelopes_apply_in_services_too()
    {
        using var anonymous = await fixture.Client.GetAsync("/api/admin/only");
        using var user = await fixture.Client.SendAsync("GET", "/api/admin/only", TestTokens.User());
        using var admin = await fixture.Client.SendAsync("GET", "/api/admin/only", TestTokens.SuperAdmin());

        await EnvelopeAssert.IsErrorAsync(anonymous, Family.Admin, 401, "authentication_required");
        await EnvelopeAssert.IsErrorAsync(user, Family.Admin, 403, "insufficient_permissions");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task Responses_name_the_service_and_echo_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/alive");
        request.Headers.Add("X-Correlation-Id", "probe-1");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal("sample-service", response.SingleHeader("X-Served-By"));
        Assert.Equal("probe-1", response.SingleHeader("X-Correlation-Id"));
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Outgoing_calls_resolve_service_names_and_carry_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/call-batches");
        request.Headers.Add("X-Correlation-Id", "chain-7");

        using var response = await fixture.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.ReadEchoAsync();
        Assert.Equal("batches", echo.Cluster);
        Assert.Equal("chain-7", echo.CorrelationId);
    }
}

public sealed class LocalTokenIssuerTests
{
    [Fact]
    public void Signing_key_shorter_than_32_bytes_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new LocalTokenIssuer(new AuthSettings("too-short")));
        Assert.Contains("32 bytes", error.Message);
    }

    [Fact]
    public void Token_carries_subject_roles_company_and_a_12_hour_lifetime()
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(
            new LocalTokenIssuer(new AuthSettings(TestTokens.SigningKey)).Issue(new AuthTokenRequest("42", ["admin", "user"], "c-9")));

        Assert.Equal("42", token.Subject);
        Assert.Equal(["admin", "user"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value).Order());
        Assert.Equal("c-9", token.GetClaim("company_id").Value);
        Assert.Equal("payouts-local", token.Issuer);
        Assert.Equal(["payouts"], token.Audiences);
        Assert.Equal(TimeSpan.FromHours(12), token.ValidTo - token.ValidFrom);
        Assert.Equal("HS256", token.Alg);
    }
}
