using Payouts.Gateway.Routing;

namespace Payouts.OpenApi.Tests.Support;

/// <summary>
/// Path templates compared as routing compares them: a trailing slash does not matter, parameter names do not, and a
/// catch-all (<c>{**rest}</c>) takes any rest, none included. Enough of ASP.NET Core's matcher for the gateway's table,
/// whose templates have no constraints.
/// </summary>
public static class RouteTemplates
{
    /// <summary>The template with a trailing slash dropped and every parameter written <c>{}</c>.</summary>
    public static string Normalize(string template) =>
        "/" + string.Join('/', Segments(template).Select(segment => IsParameter(segment) ? "{}" : segment.ToLowerInvariant()));

    public static bool IsCatchAll(string template) => Segments(template).Any(IsCatchAllSegment);

    /// <summary>The route the gateway picks for <paramref name="method"/> on a path of <paramref name="documentedTemplate"/>.</summary>
    public static PublicRoute? GatewayRouteFor(string method, string documentedTemplate)
    {
        // A concrete path of the documented template: each parameter a value no literal segment equals.
        var path = Segments(documentedTemplate).Select(segment => IsParameter(segment) ? "x-0" : segment).ToList();
        return PublicRoutes.All
            .Where(route => route.Methods.Contains(method, StringComparer.OrdinalIgnoreCase) && Matches(Segments(route.Path), path))
            // As routing orders candidates: Order, then literal segments before parameters.
            .OrderBy(route => route.Order)
            .ThenByDescending(route => Segments(route.Path).Count(segment => !IsParameter(segment)))
            .FirstOrDefault();
    }

    private static bool Matches(IReadOnlyList<string> template, IReadOnlyList<string> path)
    {
        for (var i = 0; i < template.Count; i++)
        {
            if (IsCatchAllSegment(template[i]))
            {
                return true;
            }

            if (i >= path.Count || (!IsParameter(template[i]) && !string.Equals(template[i], path[i], StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return template.Count == path.Count;
    }

    private static string[] Segments(string template) => template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static bool IsCatchAllSegment(string segment) => segment.StartsWith("{*", StringComparison.Ordinal);
}
