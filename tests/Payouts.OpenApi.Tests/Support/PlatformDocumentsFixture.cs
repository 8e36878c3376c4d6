using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.BankAccountService.Data;
using Payouts.BatchService.Data;
using Payouts.Contracts.BankAccounts;
using Payouts.Gateway;
using Payouts.Gateway.Routing;
using Payouts.NotificationService.Data;
using Payouts.PayoutService.Data;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.OpenApi;
using Payouts.SettlementService.Data;

namespace Payouts.OpenApi.Tests.Support;

/// <summary>
/// The five public services (their real Programs, without database or broker) and the gateway pointed at them as the
/// AppHost points it (<c>services:&lt;cluster&gt;:http:0</c>); each service's parts and the gateway's merged documents, read once.
/// </summary>
public sealed class PlatformDocumentsFixture : IAsyncLifetime
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly Dictionary<string, Func<IServiceProvider>> _services = [];

    /// <summary>Cluster → document name → the service's part, as the service serves it.</summary>
    public Dictionary<string, Dictionary<string, string>> Parts { get; } = [];

    /// <summary>Document name → the document as the gateway serves it.</summary>
    public Dictionary<string, string> Documents { get; } = [];

    public WebApplicationFactory<GatewayOptions> Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var seal = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        Start<PayoutsDbContext>(ClusterNames.Payouts, "payoutsdb", []);
        Start<BankAccountsDbContext>(ClusterNames.BankAccounts, "bankaccountsdb", new()
        {
            ["BankAccounts:Encryption:Keys:test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["BankAccounts:Encryption:CurrentKeyId"] = "test-1",
            ["BankAccounts:Hashing:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [MicroDepositSeal.ConfigurationKey] = seal,
        });
        Start<BatchesDbContext>(ClusterNames.Batches, "batchesdb", new()
        {
            ["Batches:Encryption:Keys:test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Batches:Encryption:CurrentKeyId"] = "test-1",
        });
        Start<SettlementDbContext>(ClusterNames.Settlement, "settlementdb", new()
        {
            ["Provider:BaseUrl"] = "http://127.0.0.1:1/",
            ["Provider:ApiKey"] = "unused",
            ["Provider:DebitAccountId"] = "unused",
            [MicroDepositSeal.ConfigurationKey] = seal,
        });
        Start<NotificationsDbContext>(ClusterNames.Notifications, "notificationsdb", new()
        {
            ["Notifications:Webhooks:Encryption:Keys:test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Notifications:Webhooks:Encryption:CurrentKeyId"] = "test-1",
        });

        var gatewaySettings = new Dictionary<string, string?> { ["Auth:SigningKey"] = TestTokens.SigningKey };
        foreach (var cluster in ClusterNames.All)
        {
            var (address, client) = (_addresses[cluster], new HttpClient { BaseAddress = _addresses[cluster] });
            gatewaySettings[$"services:{cluster}:http:0"] = address.ToString().TrimEnd('/');
            Parts[cluster] = [];
            foreach (var document in PublicApiDocuments.All)
            {
                Parts[cluster][document.Name] = await client.GetStringAsync(new Uri(document.Path, UriKind.Relative));
            }

            client.Dispose();
        }

        Gateway = new WebApplicationFactory<GatewayOptions>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in gatewaySettings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.ClearProviders());
        });
        _hosts.Add(Gateway);
        using var gateway = Gateway.CreateClient();
        foreach (var document in PublicApiDocuments.All)
        {
            Documents[document.Name] = await gateway.GetStringAsync(new Uri(document.Path, UriKind.Relative));
        }
    }

    private readonly Dictionary<string, Uri> _addresses = [];

    private void Start<TEntryPoint>(string cluster, string database, Dictionary<string, string?> settings)
        where TEntryPoint : class
    {
        var host = new PublicServiceHost<TEntryPoint>(database, settings);
        host.StartServer();
        _hosts.Add(host);
        _addresses[cluster] = host.Address;
        _services[cluster] = () => host.Services;
    }

    /// <summary>Every operation of every service's parts.</summary>
    public IEnumerable<DocumentedOperation> DocumentedOperations() =>
        from service in Parts
        from part in service.Value
        from operation in OperationsOf(part.Key, service.Key, JsonNode.Parse(part.Value)!.AsObject())
        select operation;

    public static IEnumerable<DocumentedOperation> OperationsOf(string documentName, string service, JsonObject document) =>
        from path in document["paths"]?.AsObject() ?? []
        from method in Methods
        where path.Value![method] is JsonObject
        let security = path.Value![method]!["security"] as JsonArray ?? []
        let needsAdmin = security.OfType<JsonObject>().Any(requirement => requirement.Any(scheme =>
            scheme.Value is JsonArray roles && roles.Any(role => role?.GetValue<string>() == "admin")))
        select new DocumentedOperation(documentName, service, method.ToUpperInvariant(), path.Key, needsAdmin);

    /// <summary>(method, route template) of every endpoint a service maps on a public path, from its routing.</summary>
    public IEnumerable<(string Method, string Template)> PublicEndpointsOf(string cluster) =>
        from endpoint in _services[cluster]().GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        let template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/')
        where ApiFamilies.IsPublicApiPath(template)
        from method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []
        select (method, template);

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformDocumentsCollection : ICollectionFixture<PlatformDocumentsFixture>
{
    public const string Name = "platform-documents";
}
