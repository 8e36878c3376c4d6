using System.Net;
using System.Text.Json.Nodes;
using Payouts.Gateway.OpenApi;
using Payouts.Gateway.Routing;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.Gateway.Tests;

/// <summary>The gateway asks every service for its part, keeps the merged document briefly, and keeps no partial one.</summary>
public sealed class MergedApiDocumentsTests
{
    [Fact]
    public async Task Every_service_is_asked_once_and_again_only_after_the_document_expired()
    {
        var services = new StubServices();
        var clock = new ManualClock();
        var documents = new MergedApiDocuments(new ServiceApiDocumentParts(services), clock);

        var first = JsonNode.Parse(await documents.GetAsync(PublicApiDocuments.Admin, CancellationToken.None))!;
        await documents.GetAsync(PublicApiDocuments.Admin, CancellationToken.None);
        Assert.Equal(ClusterNames.All.Select(cluster => $"{cluster}{PublicApiDocuments.Admin.Path}").Order(), services.Requests.Order());

        clock.Advance(MergedApiDocuments.CacheFor);
        await documents.GetAsync(PublicApiDocuments.Admin, CancellationToken.None);
        Assert.Equal(2 * ClusterNames.All.Count, services.Requests.Count);
        Assert.Equal(ClusterNames.All.Select(cluster => $"/{cluster}").Order(), first["paths"]!.AsObject().Select(path => path.Key));
    }

    [Fact]
    public async Task A_service_that_cannot_give_its_part_fails_the_document_and_nothing_is_kept()
    {
        var services = new StubServices { Failing = ClusterNames.Settlement };
        var documents = new MergedApiDocuments(new ServiceApiDocumentParts(services), new ManualClock());

        await Assert.ThrowsAsync<HttpRequestException>(() => documents.GetAsync(PublicApiDocuments.Admin, CancellationToken.None));
        services.Failing = null;
        var document = JsonNode.Parse(await documents.GetAsync(PublicApiDocuments.Admin, CancellationToken.None))!;

        Assert.Equal(ClusterNames.All.Count, document["paths"]!.AsObject().Count);
    }

    /// <summary>Each service (by host name, as service discovery would resolve it) answers a part with one path named after it.</summary>
    private sealed class StubServices : HttpMessageHandler, IHttpClientFactory
    {
        public List<string> Requests { get; } = [];

        public string? Failing { get; set; }

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var service = request.RequestUri!.Host;
            lock (Requests)
            {
                Requests.Add(service + request.RequestUri.AbsolutePath);
            }

            if (service == Failing)
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError));
            }

            var part = new JsonObject
            {
                ["openapi"] = "3.1.1",
                ["info"] = new JsonObject { ["title"] = service, ["version"] = "1" },
                ["paths"] = new JsonObject { ["/" + service] = new JsonObject { ["get"] = new JsonObject { ["summary"] = service } } },
            }.ToJsonString();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(part, System.Text.Encoding.UTF8, "application/json") });
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
