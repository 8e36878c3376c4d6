namespace Payouts.ServiceDefaults.Authentication;

/// <summary>What a locally issued token says about its bearer.</summary>
/// <param name="Subject">The user id (<c>sub</c>).</param>
/// <param name="Roles">Values for the <c>role</c> claim (user, admin, super_admin).</param>
/// <param name="CompanyId">The tenant (<c>company_id</c>), if any.</param>
/// <param name="Lifetime">How long the token is valid; <see cref="LocalTokenIssuer.DefaultLifetime"/> when null.</param>
public sealed record AuthTokenRequest(
    string Subject,
    IReadOnlyList<string> Roles,
    string? CompanyId = null,
    TimeSpan? Lifetime = null);
