namespace Payouts.Gateway.Routing;

/// <summary>Who may call a public route.</summary>
public enum RouteAccess
{
    /// <summary>Any valid bearer token.</summary>
    Authenticated,

    /// <summary>A bearer token with role admin or super_admin.</summary>
    Admin,
}

/// <summary>One public path (ARCHITECTURE §5) and the cluster that serves it.</summary>
/// <param name="Path">ASP.NET Core route template; a trailing slash on the request is accepted either way.</param>
/// <param name="Order">Lower wins when two templates match the same path.</param>
public sealed record PublicRoute(
    string Cluster,
    string Path,
    IReadOnlyList<string> Methods,
    RouteAccess Access = RouteAccess.Authenticated,
    int Order = 0);
