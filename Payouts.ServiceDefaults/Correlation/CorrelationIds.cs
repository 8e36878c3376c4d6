using Microsoft.Extensions.Primitives;

namespace Payouts.ServiceDefaults.Correlation;

/// <summary>The <c>X-Correlation-Id</c> header: what it may contain and how a fresh one looks.</summary>
public static class CorrelationIds
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>Tag and baggage key on <see cref="System.Diagnostics.Activity"/>.</summary>
    public const string ActivityKey = "correlation.id";

    /// <summary>Logging scope key.</summary>
    public const string LogScopeKey = "CorrelationId";

    public const int MaxLength = 64;

    /// <summary>
    /// A token of 1–64 characters of <c>[A-Za-z0-9-_.]</c>. Anything else (long, multi-valued,
    /// containing spaces or control characters) could pollute logs or headers, so it is replaced.
    /// </summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The caller's id when it is valid, else a new one.</summary>
    public static string FromHeaderOrNew(StringValues header) =>
        header.Count == 1 && IsValid(header[0]) ? header[0]! : NewId();
}
