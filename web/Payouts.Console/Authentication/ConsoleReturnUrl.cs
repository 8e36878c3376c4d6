namespace Payouts.Console.Authentication;

/// <summary>Where to go after signing in: only a path of this console, never another site.</summary>
public static class ConsoleReturnUrl
{
    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.StartsWith(ConsoleAuthentication.SignInPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
