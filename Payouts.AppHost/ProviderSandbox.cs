namespace Payouts.AppHost;

/// <summary>
/// Settlement pays through the provider sandbox here; in production the same <c>Provider__*</c> keys point at the real
/// provider. Both sides get the sandbox's documented development key and settlement account (services/ProviderSandbox/README.md).
/// </summary>
internal static class ProviderSandbox
{
    private const string ApiKey = "sandbox-dev-key";
    private const string SettlementAccount = "SANDBOX-SETTLEMENT-001";

    public static IResourceBuilder<ProjectResource> WithSandboxApiKey(this IResourceBuilder<ProjectResource> sandbox) =>
        sandbox.WithEnvironment("Sandbox__ApiKeys__0", ApiKey);

    public static IResourceBuilder<ProjectResource> WithProvider(this IResourceBuilder<ProjectResource> settlement, IResourceBuilder<ProjectResource> sandbox) =>
        settlement
            .WithEnvironment("Provider__BaseUrl", sandbox.GetEndpoint("http"))
            .WithEnvironment("Provider__ApiKey", ApiKey)
            .WithEnvironment("Provider__DebitAccountId", SettlementAccount)
            .WaitFor(sandbox);
}
