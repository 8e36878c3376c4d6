using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Http.Testing;

/// <summary>
/// Tokens for the gateway under test. Every call mints a distinct token (fresh jti), so each test
/// gets its own rate-limit budget.
/// </summary>
public static class TestTokens
{
    public const string SigningKey = "gateway-tests-signing-key-with-more-than-32-bytes";
    private const string OtherSigningKey = "a-different-signing-key-nobody-trusts-0123456789";

    private static readonly LocalTokenIssuer Issuer = new(new AuthSettings(SigningKey));

    public static string User(string subject = "1001") => Issue(subject, PayoutsRoles.User);

    public static string Admin(string subject = "9001") => Issue(subject, PayoutsRoles.Admin);

    public static string SuperAdmin(string subject = "9002") => Issue(subject, PayoutsRoles.SuperAdmin);

    public static string Issue(string subject, params string[] roles) =>
        Issuer.Issue(new AuthTokenRequest(subject, roles, CompanyId: "77"));

    /// <summary>Correctly signed, but it expired an hour ago (well past any clock skew).</summary>
    public static string Expired() =>
        new LocalTokenIssuer(new AuthSettings(SigningKey), new FixedTimeProvider(DateTimeOffset.UtcNow.AddHours(-2)))
            .Issue(new AuthTokenRequest("1001", [PayoutsRoles.Admin], Lifetime: TimeSpan.FromHours(1)));

    /// <summary>Well formed, but signed with a key the gateway does not trust.</summary>
    public static string WrongKey() =>
        new LocalTokenIssuer(new AuthSettings(OtherSigningKey)).Issue(new AuthTokenRequest("1001", [PayoutsRoles.Admin]));

    /// <summary>Signed with the right key for another audience.</summary>
    public static string WrongAudience() =>
        new LocalTokenIssuer(new AuthSettings(SigningKey, Audience: "someone-else")).Issue(new AuthTokenRequest("1001", [PayoutsRoles.Admin]));

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
