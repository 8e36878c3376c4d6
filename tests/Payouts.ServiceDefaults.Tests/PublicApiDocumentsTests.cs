using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>
/// A service's parts of the public documents (AddPublicApiDocuments / MapPublicApiDocuments): each endpoint in its
/// family's document, its path in the seed's form, and a declared response type named as the family's JSON names it.
/// </summary>
public sealed class PublicApiDocumentsTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient _client = null!;

    public sealed record SampleLine(string BankName);

    public sealed record SampleAccount(long AccountId, string BankName);

    public sealed record SampleResult(decimal NetAmount, SampleLine Line, SampleAccount? BankAccount, [property: JsonPropertyName("ExplicitName")] string Explicit);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = TestTokens.SigningKey });
        builder.AddServiceDefaults();
        builder.AddPublicApiDocuments();

        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapPublicApiDocuments();
        _app.MapPost("/api/get/sample", () => Results.Ok()).RequireAuthorization().Produces<SampleResult>();
        _app.MapPost("/api/payouts/sample/", () => Results.Ok()).RequireAuthorization(PayoutsPolicies.Admin);
        _app.MapGet("/api/admin/sample/", () => Results.Ok()).RequireAuthorization(PayoutsPolicies.Admin).Produces<SampleResult>();
        _app.MapGet("/internal/sample", () => Results.Ok());
        _app.MapPublicApiFallback();
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [Fact]
    public async Task Each_endpoint_is_in_its_familys_document_with_the_seeds_trailing_slash()
    {
        Assert.Equal(["/api/get/sample/"], await PathsOf(PublicApiDocuments.App));
        Assert.Equal(["/api/payouts/sample/"], await PathsOf(PublicApiDocuments.BackOffice));
        Assert.Equal(["/api/admin/sample"], await PathsOf(PublicApiDocuments.Admin));
        foreach (var document in new[] { PublicApiDocuments.Bulk, PublicApiDocuments.SinglePayout, PublicApiDocuments.Billing })
        {
            Assert.Empty(await PathsOf(document));
        }
    }

    [Fact]
    public async Task A_declared_response_type_is_named_as_its_family_writes_it()
    {
        var app = await DocumentAsync(PublicApiDocuments.App);
        var admin = await DocumentAsync(PublicApiDocuments.Admin);

        Assert.Equal(["net_amount", "line", "bank_account", "ExplicitName"], PropertiesOf(app, nameof(SampleResult)));
        Assert.Equal(["bank_name"], PropertiesOf(app, nameof(SampleLine)));
        // A nullable property's type is reached through components only.
        Assert.Equal(["account_id", "bank_name"], PropertiesOf(app, nameof(SampleAccount)));
        Assert.Equal(["netAmount", "line", "bankAccount", "ExplicitName"], PropertiesOf(admin, nameof(SampleResult)));
        Assert.Equal(["accountId", "bankName"], PropertiesOf(admin, nameof(SampleAccount)));
        Assert.Equal("#/components/schemas/SampleResult",
            app["paths"]!["/api/get/sample/"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_operation_names_its_token_and_its_familys_error_envelope()
    {
        var app = await DocumentAsync(PublicApiDocuments.App);
        var admin = await DocumentAsync(PublicApiDocuments.Admin);
        var own = app["paths"]!["/api/get/sample/"]!["post"]!;
        var adminOnly = admin["paths"]!["/api/admin/sample"]!["get"]!;

        Assert.Equal("""[{"bearer":[]}]""", own["security"]!.ToJsonString());
        Assert.Null(own["responses"]!["403"]);
        Assert.Equal("#/components/schemas/AppErrorEnvelope", own["responses"]!["401"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("""[{"bearer":["admin"]},{"bearer":["super_admin"]}]""", adminOnly["security"]!.ToJsonString());
        Assert.Equal("#/components/schemas/AdminErrorEnvelope", adminOnly["responses"]!["403"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal(["success", "message"], admin["components"]!["schemas"]!["AdminErrorEnvelope"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["application/x-www-form-urlencoded", "application/json"], own["requestBody"]!["content"]!.AsObject().Select(p => p.Key));
        Assert.Equal("http", app["components"]!["securitySchemes"]!["bearer"]!["type"]!.GetValue<string>());
    }

    private async Task<JsonObject> DocumentAsync(PublicApiDocument document) =>
        (await _client.GetFromJsonAsync<JsonObject>(new Uri(document.Path, UriKind.Relative)))!;

    private async Task<List<string>> PathsOf(PublicApiDocument document) =>
        [.. (await DocumentAsync(document))["paths"]!.AsObject().Select(path => path.Key)];

    private static List<string> PropertiesOf(JsonObject document, string schema) =>
        [.. document["components"]!["schemas"]![schema]!["properties"]!.AsObject().Select(property => property.Key)];

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
