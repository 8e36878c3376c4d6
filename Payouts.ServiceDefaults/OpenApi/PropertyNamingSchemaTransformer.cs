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
public sealed class PropertyNamingSchemaTransformer(PublicApiDocument document) : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.PropertyNaming is not { } naming || context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (property.AttributeProvider is not MemberInfo member
                || member.IsDefined(typeof(JsonPropertyNameAttribute), inherit: true)
                || !schema.Properties.Remove(property.Name, out var propertySchema))
            {
                continue;
            }

            var name = naming.ConvertName(member.Name);
            schema.Properties[name] = propertySchema;
            if (schema.Required?.Remove(property.Name) == true)
            {
                schema.Required.Add(name);
            }
        }

        return Task.CompletedTask;
    }
}
