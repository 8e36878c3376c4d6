using System.Text.Json;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Endpoints;

/// <summary>The body of the resolve action: <c>{"outcome": "completed" | "failed", "note": "…"}</c>, note required (at most 500 characters).</summary>
public sealed record ResolveTransferRequest(string Outcome, string Note)
{
    public static async Task<(ResolveTransferRequest? Request, ApiError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        Body? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<Body>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return (null, ApiError.BadRequest("The body must be a JSON object: {\"outcome\": \"completed\" | \"failed\", \"note\": \"…\"}"));
        }

        var outcome = body.Outcome?.Trim().ToLowerInvariant();
        if (outcome is null || !OperatorResolution.Outcomes.Contains(outcome))
        {
            return (null, ApiError.Validation("outcome", $"outcome must be one of {string.Join(", ", OperatorResolution.Outcomes)}"));
        }

        var note = body.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return (null, ApiError.Validation("note", "note is required: say why the transfer is resolved this way"));
        }

        if (note.Length > OperatorResolution.MaxNoteLength)
        {
            return (null, ApiError.Validation("note", $"note may be at most {OperatorResolution.MaxNoteLength} characters"));
        }

        return (new ResolveTransferRequest(outcome, note), null);
    }

    // Strings only: a number or an object where text belongs does not parse, and is a bad body.
    private sealed record Body(string? Outcome, string? Note);
}
