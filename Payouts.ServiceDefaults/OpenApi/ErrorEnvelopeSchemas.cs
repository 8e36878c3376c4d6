using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>The error envelope of each family (<see cref="ApiErrorEnvelope"/>) as an OpenAPI schema.</summary>
public static class ErrorEnvelopeSchemas
{
    /// <summary>The envelope's name under <c>components/schemas</c>.</summary>
    public static string NameOf(ApiFamily family) => family + "ErrorEnvelope";

    public static OpenApiSchema For(ApiFamily family) => family switch
    {
        ApiFamily.Admin => Object("Seed 004 error.",
            ("success", Boolean(false), true),
            ("message", String("What went wrong."), true)),
        ApiFamily.Billing => Object("Seed 003 error.",
            ("success", Boolean(false), true),
            ("error", String("What went wrong."), true)),
        ApiFamily.Bulk => Object("Seed 001 error.",
            ("error", String("What went wrong."), true)),
        ApiFamily.SinglePayout => Object("Seed 002 error; on 400 for invalid fields, data holds the messages per field.",
            ("status", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("failed")] }, true),
            ("status_code", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." }, true),
            ("message", String("What went wrong."), true),
            ("data", new OpenApiSchema
            {
                Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "Field name → messages, for invalid fields; otherwise null.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            }, true)),
        _ => Object("Seed 000 error.",
            ("error", String("A machine-readable error code."), true),
            ("message", String("What went wrong."), true),
            ("field", String("The request field at fault, when one is."), false)),
    };

    private static OpenApiSchema String(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Boolean(bool value) => new() { Type = JsonSchemaType.Boolean, Enum = [JsonValue.Create(value)] };

    private static OpenApiSchema Object(string description, params (string Name, OpenApiSchema Schema, bool Required)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties.ToDictionary(property => property.Name, property => (IOpenApiSchema)property.Schema),
        Required = properties.Where(property => property.Required).Select(property => property.Name).ToHashSet(),
    };
}
