namespace Payouts.Console.Api;

/// <summary>What a call through the gateway gave: the body it answered with, or its refusal in words.</summary>
public sealed record ApiResult<T>(T? Value, int Status, string? Error)
{
    public bool Succeeded => Error is null && Value is not null;

    public static ApiResult<T> Refused(int status, string error) => new(default, status, error);
}
