namespace Payouts.ProviderSandbox.Authentication;

/// <summary>Names for the sandbox's API-key authentication, as a provider's merchant API would use it.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "SandboxApiKey";
    public const string Policy = "sandbox-api-key";
    public const string HeaderName = "X-Api-Key";
}
