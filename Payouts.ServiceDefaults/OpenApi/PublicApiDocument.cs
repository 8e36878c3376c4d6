using System.Text.Json;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>One public OpenAPI document: an API family of ARCHITECTURE §5, served at <c>/openapi/{Name}.json</c>.</summary>
/// <param name="Name">The document's name in its path (<c>app</c>, <c>back-office</c>, …).</param>
/// <param name="Family">The family whose error envelope its operations answer with.</param>
/// <param name="TrailingSlash">
/// Whether its paths are written with a trailing slash, as its seed writes them (seed 000 and 003 do). Routing accepts
/// a path either way, in the gateway and the services alike; the document shows the seed's form.
/// </param>
/// <param name="PropertyNaming">How its JSON bodies name properties (null: as declared, camelCase).</param>
public sealed record PublicApiDocument(
    string Name,
    string Title,
    string Description,
    ApiFamily Family,
    bool TrailingSlash,
    JsonNamingPolicy? PropertyNaming)
{
    /// <summary>Where a service publishes its part of the document and the gateway the whole of it.</summary>
    public string Path => PublicApiDocuments.PathOf(Name);

    /// <summary>The path as this document writes it (trailing slash or not, <see cref="TrailingSlash"/>).</summary>
    public string WritePath(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return TrailingSlash ? trimmed + "/" : trimmed;
    }
}
