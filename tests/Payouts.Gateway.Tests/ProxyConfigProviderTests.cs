using Microsoft.Extensions.Configuration;
using Payouts.Gateway.Routing;
using Payouts.ServiceDefaults.Authentication;

namespace Payouts.Gateway.Tests;

public sealed class ProxyConfigProviderTests
{
    [Fact]
    public void One_destination_per_services_entry()
    {
        var configuration = Configuration(new()
        {
            ["services:payouts:http:0"] = "http://127.0.0.1:5101",
            ["services:payouts:http:1"] = "http://127.0.0.1:5111",
            ["services:batches:http:0"] = "http://127.0.0.1:5103",
        });

        using var provider = new ServiceDiscoveryProxyConfigProvider(configuration);
        var clusters = provider.GetConfig().Clusters.ToDictionary(cluster => cluster.ClusterId);

        Assert.Equal(ClusterNames.All.Order(), clusters.Keys.Order());
        Assert.Equal(["http://127.0.0.1:5101", "http://127.0.0.1:5111"], clusters["payouts"].Destinations!.Values.Select(d => d.Address).Order());
        Assert.Equal(["http://127.0.0.1:5103"], clusters["batches"].Destinations!.Values.Select(d => d.Address));
        Assert.Empty(clusters["settlement"].Destinations!);
    }

    [Fact]
    public void Configuration_reload_publishes_new_destinations_and_signals_the_old_config()
    {
        var configuration = Configuration(new() { ["services:payouts:http:0"] = "http://127.0.0.1:5101" });
        using var provider = new ServiceDiscoveryProxyConfigProvider(configuration);
        var before = provider.GetConfig();

        configuration["services:payouts:http:0"] = "http://127.0.0.1:6101";
        configuration.Reload();

        var after = provider.GetConfig();
        Assert.True(before.ChangeToken.HasChanged);
        Assert.False(after.ChangeToken.HasChanged);
        Assert.Equal(["http://127.0.0.1:6101"], after.Clusters.Single(c => c.ClusterId == "payouts").Destinations!.Values.Select(d => d.Address));
    }

    [Fact]
    public void Https_entries_are_used_only_when_there_is_no_http_one()
    {
        var configuration = Configuration(new()
        {
            ["services:payouts:https:0"] = "https://127.0.0.1:7101",
            ["services:payouts:http:0"] = "http://127.0.0.1:5101",
            ["services:batches:https:0"] = "https://127.0.0.1:7103",
            ["services:settlement:http:0"] = "not a url",
        });

        Assert.Equal(["http://127.0.0.1:5101"], ClusterDestinations.Read(configuration, "payouts").Values);
        Assert.Equal(["https://127.0.0.1:7103"], ClusterDestinations.Read(configuration, "batches").Values);
        Assert.Empty(ClusterDestinations.Read(configuration, "settlement"));
    }

    [Fact]
    public void Admin_routes_require_the_admin_policy_and_transfer_status_outranks_payout_by_id()
    {
        using var provider = new ServiceDiscoveryProxyConfigProvider(Configuration([]));
        var routes = provider.GetConfig().Routes;

        Assert.All(routes.Where(r => r.Match.Path!.StartsWith("/api/admin/", StringComparison.Ordinal)),
            route => Assert.Equal(PayoutsPolicies.Admin, route.AuthorizationPolicy));
        var transferStatus = routes.Single(r => r.Match.Path!.Contains("transfer-status", StringComparison.Ordinal));
        var payoutById = routes.Single(r => r.Match.Path == "/api/admin/payouts/{id}");
        Assert.Equal(ClusterNames.Settlement, transferStatus.ClusterId);
        Assert.True(transferStatus.Order < payoutById.Order);
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
