using System.Text.RegularExpressions;

namespace Payouts.ServiceDefaults.OpenApi;

/// <summary>Code names as readers of a document want them: <c>AdminPayoutQuery</c> → <c>Admin payout query</c>.</summary>
internal static partial class Words
{
    public static string FromPascalCase(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        var words = WordStart().Replace(name, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();
}
