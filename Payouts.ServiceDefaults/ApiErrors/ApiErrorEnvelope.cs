using System.Text.Json.Nodes;

namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>Builds the JSON error body of each public API family.</summary>
public static class ApiErrorEnvelope
{
    public static JsonObject Create(ApiFamily family, ApiError error) => family switch
    {
        ApiFamily.Admin => new JsonObject
        {
            ["success"] = false,
            ["message"] = error.Message,
        },
        ApiFamily.Billing => new JsonObject
        {
            ["success"] = false,
            ["error"] = error.Message,
        },
        ApiFamily.Bulk => new JsonObject
        {
            ["error"] = error.Message,
        },
        ApiFamily.SinglePayout => new JsonObject
        {
            ["status"] = "failed",
            ["status_code"] = error.StatusCode,
            ["message"] = error.FieldErrors is null ? error.Message : error.SummaryMessage ?? error.Message,
            ["data"] = FieldErrorsNode(error.FieldErrors),
        },
        _ => AppEnvelope(error),
    };

    private static JsonObject AppEnvelope(ApiError error)
    {
        var body = new JsonObject
        {
            ["error"] = error.Code,
            ["message"] = error.Message,
        };
        if (error.Field is not null)
        {
            body["field"] = error.Field;
        }

        return body;
    }

    private static JsonObject? FieldErrorsNode(IReadOnlyDictionary<string, string[]>? fieldErrors)
    {
        if (fieldErrors is null)
        {
            return null;
        }

        var data = new JsonObject();
        foreach (var (field, messages) in fieldErrors)
        {
            data[field] = new JsonArray([.. messages.Select(message => (JsonNode?)JsonValue.Create(message))]);
        }

        return data;
    }
}
