using System.Text.RegularExpressions;

namespace Payouts.BatchService.Domain;

/// <summary>
/// Whether a payee's email can be paid: one <c>@</c>, no spaces, and a domain with a dot (seed 001's <c>invalid@email</c> is
/// not one). Deliberately plain: the platform user lookup and the provider's email rail are the real check.
/// </summary>
public static partial class EmailAddress
{
    public static bool IsValid(string email) => email.Length <= BatchLimits.EmailMaxLength && Shape().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
