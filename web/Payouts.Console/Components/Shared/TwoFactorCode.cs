namespace Payouts.Console.Components.Shared;

/// <summary>What a 2FA code field accepts before anything is sent: the six digits of an authenticator app, nothing else.</summary>
public static class TwoFactorCode
{
    public const int Length = 6;

    public const string Problem = "Enter the 6 digits your authenticator app shows.";

    /// <summary>Why <paramref name="code"/> cannot be sent, or null when it can (surrounding spaces are forgiven).</summary>
    public static string? Check(string? code)
    {
        var text = code?.Trim() ?? "";
        return text.Length == Length && text.All(char.IsAsciiDigit) ? null : Problem;
    }
}
