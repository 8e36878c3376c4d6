using Microsoft.Extensions.Diagnostics.HealthChecks;
using Payouts.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace Payouts.Gateway.Health;

/// <summary>Ready when every cluster has at least one destination to forward to.</summary>
public sealed class ClusterDestinationsHealthCheck(IProxyConfigProvider proxyConfig) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var empty = proxyConfig.GetConfig().Clusters
            .Where(cluster => cluster.Destinations is not { Count: > 0 })
            .Select(cluster => cluster.ClusterId)
            .ToList();

        return Task.FromResult(empty.Count == 0
            ? HealthCheckResult.Healthy($"{ClusterNames.All.Count} clusters have destinations")
            : HealthCheckResult.Unhealthy($"No destination configured (services:<name>:http:0) for: {string.Join(", ", empty)}"));
    }
}
