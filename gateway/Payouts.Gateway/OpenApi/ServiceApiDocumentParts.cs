using System.Text.Json.Nodes;
using Payouts.Gateway.Routing;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.OpenApi;

/// <summary>
/// Reads each service's part of a public document from the service itself, at the path it publishes it
/// (<see cref="PublicApiDocuments.RoutePattern"/>), addressed through service discovery by the cluster's name: the
/// same <c>services:&lt;cluster&gt;:http:*</c> addresses the routes go to.
/// </summary>
public sealed class ServiceApiDocumentParts(IHttpClientFactory httpClients)
{
    public async Task<IReadOnlyList<ApiDocumentPart>> ReadAsync(PublicApiDocument document, CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(nameof(ServiceApiDocumentParts));
        var reads = ClusterNames.All.Select(async cluster =>
        {
            var address = new Uri($"http://{cluster}{document.Path}");
            var part = await http.GetFromJsonAsync<JsonObject>(address, cancellationToken)
                ?? throw new InvalidOperationException($"{address} answered an empty document.");
            return new ApiDocumentPart(cluster, part);
        });
        return await Task.WhenAll(reads);
    }
}
