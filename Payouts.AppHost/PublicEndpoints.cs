namespace Payouts.AppHost;

internal static class PublicEndpoints
{
    /// <summary>
    /// A public entry point (the gateway's API on 8080, the console on 8081 unless configured) on a fixed loopback port
    /// and without Aspire's proxy in front of it: the gateway is already the proxy, and a second hop would only add
    /// latency.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicEndpoint(this IResourceBuilder<ProjectResource> resource, int port) =>
        resource
            .WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
                endpoint.IsExternal = true;
            });
}
