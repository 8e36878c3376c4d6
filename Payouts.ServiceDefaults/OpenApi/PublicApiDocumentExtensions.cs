using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A public service's part of each public OpenAPI document (<see cref="PublicApiDocuments"/>): its endpoints on public
/// paths, each in the document of its family. The gateway merges the parts of every service into the documents it serves.
/// </summary>
public static class PublicApiDocumentExtensions
{
    public static IHostApplicationBuilder AddPublicApiDocuments(this IHostApplicationBuilder builder)
    {
        foreach (var document in PublicApiDocuments.All)
        {
            builder.Services.AddOpenApi(document.Name, options =>
            {
                // By path, not by group: health, internal endpoints and the fallback belong to no document.
                options.ShouldInclude = description =>
                    PublicApiDocuments.For(new PathString("/" + description.RelativePath)) == document;
                options.AddDocumentTransformer(new PublicApiDocumentTransformer(document));
                options.AddOperationTransformer(new PublicApiOperationTransformer(document));
                var naming = new PropertyNamingSchemaTransformer(document);
                options.AddSchemaTransformer(naming);
                options.AddDocumentTransformer(naming);
            });
        }

        return builder;
    }

    /// <summary>
    /// Serves the service's part of each document at <see cref="PublicApiDocuments.RoutePattern"/>, anonymous: the
    /// gateway reads it there and routes no public request to it.
    /// </summary>
    public static WebApplication MapPublicApiDocuments(this WebApplication app)
    {
        app.MapOpenApi(PublicApiDocuments.RoutePattern).AllowAnonymous();
        return app;
    }
}
