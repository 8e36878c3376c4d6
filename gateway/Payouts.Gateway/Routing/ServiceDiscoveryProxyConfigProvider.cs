using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Payouts.ServiceDefaults.Authentication;
using Yarp.ReverseProxy.Configuration;

namespace Payouts.Gateway.Routing;

/// <summary>
/// YARP configuration built in code: routes from <see cref="PublicRoutes"/>, cluster destinations
/// from <c>services:*</c> configuration, rebuilt whenever configuration reloads.
/// (Microsoft.Extensions.ServiceDiscovery.Yarp does this under Aspire; it is not available here.)
/// </summary>
public sealed class ServiceDiscoveryProxyConfigProvider : IProxyConfigProvider, IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IDisposable _reloadRegistration;
    private volatile GatewayProxyConfig _current;

    public ServiceDiscoveryProxyConfigProvider(IConfiguration configuration)
    {
        _configuration = configuration;
        _current = Build(configuration);
        _reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public IProxyConfig GetConfig() => _current;

    public void Dispose() => _reloadRegistration.Dispose();

    private void Reload()
    {
        var previous = _current;
        _current = Build(_configuration);
        previous.SignalChange();
    }

    private static GatewayProxyConfig Build(IConfiguration configuration)
    {
        var routes = PublicRoutes.All.Select((route, index) => new RouteConfig
        {
            RouteId = $"{route.Cluster}-{index:D2}",
            ClusterId = route.Cluster,
            Order = route.Order,
            Match = new RouteMatch { Path = route.Path, Methods = route.Methods },
            // "default" is the default policy: an authenticated user.
            AuthorizationPolicy = route.Access == RouteAccess.Admin ? PayoutsPolicies.Admin : "default",
        }).ToList();

        var clusters = ClusterNames.All.Select(cluster => new ClusterConfig
        {
            ClusterId = cluster,
            Destinations = ClusterDestinations.Read(configuration, cluster)
                .ToDictionary(entry => entry.Key, entry => new DestinationConfig { Address = entry.Value }),
        }).ToList();

        return new GatewayProxyConfig(routes, clusters);
    }

    private sealed class GatewayProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        private readonly CancellationTokenSource _changed = new();

        public IReadOnlyList<RouteConfig> Routes { get; } = routes;

        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

        public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

        public void SignalChange() => _changed.Cancel();
    }
}
