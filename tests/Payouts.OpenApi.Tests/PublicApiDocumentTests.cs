using System.Net;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Payouts.Gateway.Routing;
using Payouts.OpenApi.Tests.Support;
using Payouts.ServiceDefaults.OpenApi;

namespace Payouts.OpenApi.Tests;

/// <summary>
/// The public OpenAPI documents as the gateway serves them, merged from the real services' parts: valid OpenAPI, and
/// in step with the gateway's route table (<see cref="PublicRoutes"/>) both ways.
/// </summary>
[Collection(PlatformDocumentsCollection.Name)]
public sealed class PublicApiDocumentTests(PlatformDocumentsFixture platform)
{
    public static TheoryData<string> DocumentNames => [.. PublicApiDocuments.All.Select(document => document.Name)];

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void Each_document_the_gateway_serves_is_valid_OpenAPI(string documentName)
    {
        var (document, diagnostic) = OpenApiDocument.Parse(platform.Documents[documentName], OpenApiConstants.Json);

        Assert.NotNull(document);
        Assert.Empty(diagnostic?.Errors ?? []);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.Equal(PublicApiDocuments.Named(documentName)!.Title, document.Info.Title);
    }

    [Fact]
    public void Each_service_part_is_valid_OpenAPI()
    {
        foreach (var (service, parts) in platform.Parts)
        {
            foreach (var (documentName, json) in parts)
            {
                var (document, diagnostic) = OpenApiDocument.Parse(json, OpenApiConstants.Json);
                Assert.True(document is not null && (diagnostic?.Errors.Count ?? 0) == 0,
                    $"{service}'s part of {documentName}: {string.Join("; ", diagnostic?.Errors.Select(error => error.Message) ?? [])}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void The_gateway_document_holds_every_operation_of_the_services_parts(string documentName)
    {
        var merged = PlatformDocumentsFixture.OperationsOf(documentName, "gateway", JsonNode.Parse(platform.Documents[documentName])!.AsObject())
            .Select(operation => $"{operation.Method} {operation.Path}").Order().ToList();
        var parts = platform.DocumentedOperations().Where(operation => operation.Document == documentName)
            .Select(operation => $"{operation.Method} {operation.Path}").Order().ToList();

        Assert.Equal(parts, merged);
    }

    [Fact]
    public void Every_documented_operation_is_routed_by_the_gateway_to_the_service_that_documents_it()
    {
        var problems = new List<string>();
        foreach (var operation in platform.DocumentedOperations())
        {
            var route = RouteTemplates.GatewayRouteFor(operation.Method, operation.Path);
            if (route is null)
            {
                problems.Add($"{operation}: no gateway route");
            }
            else if (route.Cluster != operation.Service)
            {
                problems.Add($"{operation}: the gateway routes it to {route.Cluster}");
            }
            else if ((route.Access == RouteAccess.Admin) != operation.NeedsAdmin)
            {
                problems.Add($"{operation}: the gateway requires {route.Access}, the document {(operation.NeedsAdmin ? "the admin role" : "any token")}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_gateway_route_is_documented_with_its_methods()
    {
        var documented = platform.DocumentedOperations().ToList();
        var problems = new List<string>();
        foreach (var route in PublicRoutes.All)
        {
            var ofService = documented.Where(operation => operation.Service == route.Cluster).ToList();
            if (RouteTemplates.IsCatchAll(route.Path))
            {
                // A catch-all covers whatever its service maps under it: at least one documented operation it routes.
                if (!ofService.Any(operation => RouteTemplates.GatewayRouteFor(operation.Method, operation.Path) == route))
                {
                    problems.Add($"{route.Path}: no documented operation under it");
                }

                continue;
            }

            foreach (var method in route.Methods)
            {
                if (!ofService.Any(operation => operation.Method == method
                    && RouteTemplates.Normalize(operation.Path) == RouteTemplates.Normalize(route.Path)))
                {
                    problems.Add($"{method} {route.Path} ({route.Cluster}): not documented");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_public_endpoint_a_service_maps_is_in_its_documents()
    {
        var problems = new List<string>();
        foreach (var cluster in ClusterNames.All)
        {
            var documented = platform.DocumentedOperations().Where(operation => operation.Service == cluster)
                .Select(operation => $"{operation.Method} {RouteTemplates.Normalize(operation.Path)}").ToHashSet();
            problems.AddRange(platform.PublicEndpointsOf(cluster)
                .Where(endpoint => !documented.Contains($"{endpoint.Method} {RouteTemplates.Normalize(endpoint.Template)}"))
                .Select(endpoint => $"{cluster}: {endpoint.Method} {endpoint.Template} is not documented"));
        }

        Assert.Empty(problems);
    }

    /// <summary>The bulk API (seed 001, BatchService): its six paths, the console's ready, cancel and approve, 2FA enrollment and the operators' batch read; nothing else.</summary>
    [Fact]
    public void The_bulk_document_has_seed_001s_paths_and_the_consoles_ready_cancel_approve_and_2fa()
    {
        var paths = JsonNode.Parse(platform.Documents[PublicApiDocuments.Bulk.Name])!["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(entry => entry.Key is "get" or "post" or "put" or "patch" or "delete").Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "GET /v1/admin/batches/{id}", "GET /v1/payouts", "GET /v1/payouts/batches/{id}", "GET /v1/payouts/batches/{id}/status",
                "GET /v1/users/validate/email/{email}", "POST /v1/payouts/batch", "POST /v1/payouts/batches/{id}/approve",
                "POST /v1/payouts/batches/{id}/cancel", "POST /v1/payouts/batches/{id}/ready", "POST /v1/payouts/batches/{id}/recipients",
                "POST /v1/platform/2fa/confirm", "POST /v1/platform/2fa/enroll",
            ],
            paths);
    }

    [Fact]
    public async Task Documents_are_anonymous_and_unknown_ones_are_not_found()
    {
        using var client = platform.Gateway.CreateClient();

        using var known = await client.GetAsync(new Uri(PublicApiDocuments.Admin.Path, UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri(PublicApiDocuments.PathOf("nothing"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal("application/json", known.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void App_and_back_office_bodies_are_form_or_JSON_and_admin_paths_name_the_admin_roles()
    {
        var backOffice = JsonNode.Parse(platform.Documents[PublicApiDocuments.BackOffice.Name])!;
        var all = backOffice["paths"]!["/api/payouts/all/"]!["post"]!;

        Assert.Equal(["application/x-www-form-urlencoded", "application/json"],
            all["requestBody"]!["content"]!.AsObject().Select(entry => entry.Key));
        Assert.Equal("""[{"bearer":["admin"]},{"bearer":["super_admin"]}]""", all["security"]!.ToJsonString());
        Assert.Equal("#/components/schemas/AppErrorEnvelope", all["responses"]!["403"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
    }
}
