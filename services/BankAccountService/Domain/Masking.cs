namespace Payouts.BankAccountService.Domain;

/// <summary>The only form in which numbers leave the service outside the settlement reply: <c>****1234</c>.</summary>
public static class Masking
{
    /// <summary>
    /// The visible tail: four characters, or two for numbers shorter than eight so that a short account number is never
    /// shown whole.
    /// </summary>
    public static string VisibleTail(string value) => value.Length >= 8 ? value[^4..] : value[^Math.Min(2, value.Length)..];

    public static string Mask(string? tail) => string.IsNullOrEmpty(tail) ? "" : "****" + tail;
}
