using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>
/// Names the properties of a declared response or request type as its family's JSON does (snake_case for seeds
/// 000–003): the schema is built with the services' default camelCase options, the endpoints write with the family's.
/// A property named explicitly (<see cref="JsonPropertyNameAttribute"/>) keeps its name.
/// </summary>
/// <remarks>
/// A schema transformer is not shown every type's own schema: a nullable property of an object type is a <c>oneOf</c>
/// of null and a reference, and its type's schema is met only in <c>components</c>. So the types every schema reaches are
/// collected here, and their schemas in <c>components</c> renamed too, as a document transformer.
/// </remarks>
public sealed class PropertyNamingSchemaTransformer(PublicApiDocument document) : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    /// <summary>Schema reference id → (declared name → family name); the same for every request, so shared.</summary>
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _renames = new(StringComparer.Ordinal);

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.PropertyNaming is null || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return Task.CompletedTask;
        }

        Collect(context.JsonTypeInfo, []);
        Rename(schema, RenamesOf(context.JsonTypeInfo));
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument openApi, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (id, schema) in openApi.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema is OpenApiSchema declared && _renames.TryGetValue(id, out var renames))
            {
                Rename(declared, renames);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The renames of <paramref name="type"/> and of every type its properties reach, by schema reference id.</summary>
    private void Collect(JsonTypeInfo type, HashSet<Type> seen)
    {
        if (!seen.Add(type.Type))
        {
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id)
                {
                    _renames[id] = RenamesOf(type);
                }

                foreach (var property in type.Properties)
                {
                    Collect(type.Options.GetTypeInfo(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType), seen);
                }

                break;
            case JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary when type.ElementType is { } element:
                Collect(type.Options.GetTypeInfo(Nullable.GetUnderlyingType(element) ?? element), seen);
                break;
        }
    }

    private Dictionary<string, string> RenamesOf(JsonTypeInfo type)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider is MemberInfo member && !member.IsDefined(typeof(JsonPropertyNameAttribute), inherit: true))
            {
                renames[property.Name] = document.PropertyNaming!.ConvertName(member.Name);
            }
        }

        return renames;
    }

    private static void Rename(OpenApiSchema schema, IReadOnlyDictionary<string, string> renames)
    {
        if (schema.Properties is null)
        {
            return;
        }

        foreach (var (declared, name) in renames)
        {
            if (declared == name || !schema.Properties.Remove(declared, out var propertySchema))
            {
                continue;
            }

            schema.Properties[name] = propertySchema;
            if (schema.Required?.Remove(declared) == true)
            {
                schema.Required.Add(name);
            }
        }
    }
}
