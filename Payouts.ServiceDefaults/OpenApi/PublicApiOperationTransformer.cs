using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>
/// What every public operation shows beyond what its endpoint declares: a summary, who may call it (bearer token,
/// admin role), the media types of an app or back-office body, and the family's error envelope on failure.
/// </summary>
public sealed class PublicApiOperationTransformer(PublicApiDocument document) : IOpenApiOperationTransformer
{
    private const string FormMediaType = "application/x-www-form-urlencoded";
    private const string JsonMediaType = "application/json";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "";
        operation.Summary ??= SummaryOf(metadata, method, context.Description.RelativePath);

        var access = AccessOf(metadata);
        if (access != Access.Anonymous)
        {
            // OpenAPI 3.1 lets a bearer requirement list the roles it needs; alternatives are separate requirements.
            operation.Security = access == Access.Admin
                ? [.. PayoutsRoles.Administrators.Select(role => BearerRequirement(context.Document, role))]
                : [BearerRequirement(context.Document)];
            var who = access == Access.Admin
                ? $"Needs a bearer token with role {string.Join(" or ", PayoutsRoles.Administrators)}."
                : "Needs a bearer token.";
            operation.Description = operation.Description is null ? who : operation.Description + "\n\n" + who;
        }

        // Seed 000 bodies are key=value form fields and the services read JSON alike (RequestFields); the other
        // families send JSON. An endpoint that declares its body (Accepts<T>) gets its schema shown.
        if (method is "POST" or "PUT" or "PATCH")
        {
            AcceptBody(operation, document.Family == ApiFamily.App ? [FormMediaType, JsonMediaType] : [JsonMediaType]);
        }

        var envelope = new OpenApiSchemaReference(ErrorEnvelopeSchemas.NameOf(document.Family), context.Document);
        AddError(operation, "400", "The request is invalid.", envelope);
        if (access != Access.Anonymous)
        {
            AddError(operation, "401", "No valid bearer token.", envelope);
        }

        if (access == Access.Admin)
        {
            AddError(operation, "403", "The token lacks the admin role.", envelope);
        }

        AddError(operation, "429", "Too many requests for this token; retry after the Retry-After header's seconds.", envelope);
        AddError(operation, "default", "Any other error, in the same envelope.", envelope);
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement BearerRequirement(OpenApiDocument? document, params string[] roles) =>
        new() { [new OpenApiSecuritySchemeReference(PublicApiDocumentTransformer.BearerScheme, document)] = [.. roles] };

    private static void AcceptBody(OpenApiOperation operation, string[] mediaTypes)
    {
        var declared = operation.RequestBody?.Content?.Values.FirstOrDefault()?.Schema;
        var schema = declared ?? new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The endpoint's fields." };
        var body = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = false };
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var mediaType in mediaTypes)
        {
            if (!body.Content.ContainsKey(mediaType))
            {
                body.Content[mediaType] = new OpenApiMediaType { Schema = schema };
            }
        }

        operation.RequestBody = body;
    }

    private static void AddError(OpenApiOperation operation, string status, string description, IOpenApiSchema envelope)
    {
        operation.Responses ??= [];
        if (operation.Responses.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [JsonMediaType] = new() { Schema = envelope } },
        };
    }

    private enum Access
    {
        Anonymous,
        Authenticated,
        Admin,
    }

    private static Access AccessOf(IList<object> metadata)
    {
        // As the authorization middleware reads it: AllowAnonymous anywhere opens the endpoint.
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Access.Anonymous;
        }

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0)
        {
            return Access.Anonymous;
        }

        return authorize.Any(data => data.Policy == PayoutsPolicies.Admin || !string.IsNullOrEmpty(data.Roles))
            ? Access.Admin
            : Access.Authenticated;
    }

    /// <summary>The endpoint's <c>WithSummary</c> if it has one (set before this runs); else its handler's name in words.</summary>
    private static string SummaryOf(IList<object> metadata, string method, string? relativePath)
    {
        var handler = metadata.OfType<MethodInfo>().LastOrDefault();
        // Lambdas compile to names like <MapX>b__0_0: no words there.
        if (handler is null || handler.Name.Contains('<', StringComparison.Ordinal))
        {
            return $"{method} /{relativePath}";
        }

        return Words.FromPascalCase(handler.Name);
    }
}
