using Microsoft.Extensions.DependencyInjection.Extensions;
using Payouts.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;

namespace Payouts.Gateway.OpenApi;

public static class ApiDocumentEndpoints
{
    /// <summary>Where the interactive reference is, in Development only.</summary>
    public const string ReferencePath = "/scalar";

    public static IServiceCollection AddMergedApiDocuments(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(ServiceApiDocumentParts));
        services.AddSingleton<ServiceApiDocumentParts>();
        services.AddSingleton<MergedApiDocuments>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// <c>GET /openapi/{document}.json</c>, anonymous: every public document (<see cref="PublicApiDocuments.All"/>),
    /// merged from the services' parts. 503 while a service cannot give its part: a document missing a service's paths
    /// would mislead.
    /// </summary>
    public static WebApplication MapMergedApiDocuments(this WebApplication app)
    {
        app.MapGet(PublicApiDocuments.RoutePattern, async (string documentName, MergedApiDocuments documents, ILoggerFactory logs, CancellationToken ct) =>
        {
            if (PublicApiDocuments.Named(documentName) is not { } document)
            {
                return Results.NotFound();
            }

            try
            {
                return Results.Text(await documents.GetAsync(document, ct), "application/json; charset=utf-8");
            }
            catch (HttpRequestException exception)
            {
                logs.CreateLogger(typeof(ApiDocumentEndpoints)).LogWarning(exception, "A service's part of the {Document} API document could not be read.", document.Name);
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "A service's part of the document is unavailable; try again shortly.");
            }
        }).AllowAnonymous();

        return app;
    }

    /// <summary>Scalar's interactive reference at <see cref="ReferencePath"/>, listing every public document; Development only.</summary>
    public static WebApplication MapApiReferenceInDevelopment(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.WithTitle("Payouts API reference").WithOpenApiRoutePattern(PublicApiDocuments.RoutePattern);
            foreach (var document in PublicApiDocuments.All)
            {
                options.AddDocument(document.Name, document.Title, isDefault: document == PublicApiDocuments.App);
            }
        }).AllowAnonymous();

        return app;
    }
}
