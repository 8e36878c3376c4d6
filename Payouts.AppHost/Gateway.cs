namespace Payouts.AppHost;

internal static class Gateway
{
    /// <summary>
    /// The only public entry point, on a fixed loopback port (8080 unless configured) and without Aspire's proxy in
    /// front of it: the gateway is already the proxy, and a second hop would only add latency.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGatewayEndpoint(this IResourceBuilder<ProjectResource> gateway, int port) =>
        gateway
            .WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
                endpoint.IsExternal = true;
            });
}
