using System.Text.RegularExpressions;
using Payouts.Contracts;

namespace Payouts.SettlementService.Domain;

/// <summary>
/// PayPal emails and Stripe connected account ids: which ones the provider can pay, and the masked form that is the
/// only one stored, logged, traced or shown (<c>j***@example.com</c>, <c>acct_****1234</c>).
/// </summary>
public static partial class RecipientHandles
{
    public const int MaxEmailLength = 254;

    public static bool IsValidEmail(string? email) => email is { Length: <= MaxEmailLength } && Email().IsMatch(email);

    public static bool IsValidConnectedAccount(string? id) => id is not null && ConnectedAccount().IsMatch(id);

    /// <summary>First character of the mailbox and the whole domain, which tells an operator which provider account it is.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? AccountNumberMask.Mask(email) : $"{email[0]}***{email[at..]}";
    }

    /// <summary>The <c>acct_</c> prefix and the same tail the account-number rule shows.</summary>
    public static string MaskConnectedAccount(string id) =>
        id.StartsWith(ConnectedAccountPrefix, StringComparison.Ordinal)
            ? ConnectedAccountPrefix + AccountNumberMask.Mask(id[ConnectedAccountPrefix.Length..])
            : AccountNumberMask.Mask(id);

    private const string ConnectedAccountPrefix = "acct_";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex("^acct_[A-Za-z0-9_]{1,59}$")]
    private static partial Regex ConnectedAccount();
}
