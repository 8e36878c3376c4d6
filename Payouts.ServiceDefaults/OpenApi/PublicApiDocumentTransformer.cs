using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>
/// Gives a service's part of a public document what the gateway's whole shows: the family's title, the bearer scheme,
/// the error envelope, and every path written as the family's seed writes it.
/// </summary>
public sealed class PublicApiDocumentTransformer(PublicApiDocument document) : IOpenApiDocumentTransformer
{
    /// <summary>The bearer JWT scheme's name under <c>components/securitySchemes</c>.</summary>
    public const string BearerScheme = "bearer";

    public Task TransformAsync(OpenApiDocument openApi, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        openApi.Info = new OpenApiInfo { Title = document.Title, Description = document.Description, Version = "v1" };
        // The part is read through the gateway, which serves every path: the service's own address is no server of it.
        openApi.Servers = [];

        openApi.Components ??= new OpenApiComponents();
        openApi.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        openApi.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the platform's identity provider; admin paths need role admin or super_admin.",
        };
        openApi.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        openApi.Components.Schemas[ErrorEnvelopeSchemas.NameOf(document.Family)] = ErrorEnvelopeSchemas.For(document.Family);

        var paths = new OpenApiPaths();
        foreach (var (path, item) in openApi.Paths)
        {
            paths[document.WritePath(path)] = item;
        }

        openApi.Paths = paths;
        NameTagsInWords(openApi);
        return Task.CompletedTask;
    }

    /// <summary>An operation's tag is its endpoint class (<c>AdminPayoutQueryEndpoints</c>); readers get words (<c>Admin payout query</c>).</summary>
    private static void NameTagsInWords(OpenApiDocument openApi)
    {
        foreach (var operation in openApi.Paths.Values.SelectMany(item => item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Tags is { Count: > 0 } tags)
            {
                operation.Tags = tags.Select(tag => new OpenApiTagReference(InWords(tag.Reference.Id ?? ""), openApi)).ToHashSet();
            }
        }

        if (openApi.Tags is { Count: > 0 } documentTags)
        {
            openApi.Tags = documentTags.Select(tag => new OpenApiTag { Name = InWords(tag.Name ?? ""), Description = tag.Description }).ToHashSet();
        }
    }

    private static string InWords(string typeName) =>
        Words.FromPascalCase(typeName.EndsWith("Endpoints", StringComparison.Ordinal) && typeName != "Endpoints" ? typeName[..^"Endpoints".Length] : typeName);
}
