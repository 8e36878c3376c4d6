namespace Payouts.ServiceDefaults.ApiErrors;

/// <summary>
/// A use case's answer: its value, or the error the endpoint reports in its family's envelope. Either converts
/// implicitly, so a use case returns <c>account</c> or <c>BankAccountErrors.NotFound</c> alike.
/// </summary>
public sealed class ApiOutcome<T>
    where T : class
{
    private ApiOutcome(T? value, ApiError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>Set when the use case succeeded.</summary>
    public T? Value { get; }

    /// <summary>Set when it did not.</summary>
    public ApiError? Error { get; }

    public static implicit operator ApiOutcome<T>(T value) => new(value, null);

    public static implicit operator ApiOutcome<T>(ApiError error) => new(null, error);
}
