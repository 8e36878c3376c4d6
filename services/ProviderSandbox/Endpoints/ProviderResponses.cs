namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>Every successful answer: <c>{ "success": true, "data": … }</c>, like seed 004's provider.</summary>
public sealed record ProviderResponse<T>(T Data)
{
    public bool Success => true;
}

/// <summary>Every refusal: <c>{ "success": false, "code": "…", "message": "…", "errors"?: { field: [messages] } }</c>.</summary>
public sealed record ProviderError(string Code, string Message, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Success => false;

    public IResult ToResult(int statusCode) => Results.Json(this, statusCode: statusCode);
}
