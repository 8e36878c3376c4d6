namespace Payouts.Contracts;

/// <summary>
/// The one masking rule for account and routing numbers everywhere they leave BankAccountService (responses, events,
/// settlement records, logs): <c>****1234</c>. Numbers shorter than eight characters show only two, so a short account
/// number is never shown whole.
/// </summary>
public static class AccountNumberMask
{
    /// <summary>The characters of <paramref name="number"/> that may be shown.</summary>
    public static string VisibleTail(string number) =>
        number.Length >= 8 ? number[^4..] : number[^Math.Min(2, number.Length)..];

    /// <summary>The masked form of an already-cut visible tail (empty when there is none).</summary>
    public static string FromTail(string? tail) => string.IsNullOrEmpty(tail) ? "" : "****" + tail;

    /// <summary>The masked form of a full number.</summary>
    public static string Mask(string number) => FromTail(VisibleTail(number));
}
