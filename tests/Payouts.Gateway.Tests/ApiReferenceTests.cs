using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Payouts.Gateway.OpenApi;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.Tests;

/// <summary>Scalar's interactive reference: in Development it lists every public document; elsewhere it is not there.</summary>
public sealed class ApiReferenceTests
{
    [Fact]
    public async Task In_development_the_reference_lists_every_public_document()
    {
        await using var gateway = GatewayIn("Development");
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync(new Uri(ApiDocumentEndpoints.ReferencePath + "/", UriKind.Relative));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.All(PublicApiDocuments.All, document => Assert.Contains(document.Title, page, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public async Task Outside_development_there_is_no_reference(string environment)
    {
        await using var gateway = GatewayIn(environment);
        using var client = gateway.CreateClient();

        using var page = await client.GetAsync(new Uri(ApiDocumentEndpoints.ReferencePath + "/", UriKind.Relative));
        using var bare = await client.GetAsync(new Uri(ApiDocumentEndpoints.ReferencePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }

    private static WebApplicationFactory<Program> GatewayIn(string environment) => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseEnvironment(environment);
        web.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        web.ConfigureLogging(logging => logging.ClearProviders());
    });
}
