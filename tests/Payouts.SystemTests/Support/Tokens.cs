using System.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.SystemTests.Support;

/// <summary>Bearer tokens signed with the platform's dev key by the services' own issuer.</summary>
public sealed class Tokens(string signingKey)
{
    private readonly LocalTokenIssuer _issuer = new(new AuthSettings(signingKey));

    public AuthenticationHeaderValue User(string userId) => Bearer(userId, PayoutsRoles.User);

    public AuthenticationHeaderValue Admin(string userId) => Bearer(userId, PayoutsRoles.Admin);

    private AuthenticationHeaderValue Bearer(string userId, string role) =>
        new("Bearer", _issuer.Issue(new AuthTokenRequest(userId, [role])));
}
