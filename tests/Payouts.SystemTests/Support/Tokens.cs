using System.Net.Http.Headers;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.SystemTests.Support;

/// <summary>Bearer tokens signed with the platform's dev key by the services' own issuer.</summary>
public sealed class Tokens(string signingKey)
{
    private readonly LocalTokenIssuer _issuer = new(new AuthSettings(signingKey));

    public AuthenticationHeaderValue User(string userId) => Bearer(userId, PayoutsRoles.User);

    public AuthenticationHeaderValue Admin(string userId) => Bearer(userId, PayoutsRoles.Admin);

    /// <summary>A member of <paramref name="companyId"/> (the token's <c>company_id</c>): billing and bulk batches are the company's.</summary>
    public AuthenticationHeaderValue CompanyUser(string userId, string companyId) => Bearer(userId, PayoutsRoles.User, companyId);

    private AuthenticationHeaderValue Bearer(string userId, string role, string? companyId = null) =>
        new("Bearer", _issuer.Issue(new AuthTokenRequest(userId, [role], companyId)));
}
