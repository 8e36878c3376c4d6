using System.Security.Cryptography;

namespace Payouts.AppHost;

/// <summary>
/// The dashboard over plain HTTP on loopback, whether the AppHost is started by <c>dotnet run</c> or as the built
/// binary (which reads no launchSettings.json): without these it tries HTTPS, and these machines have no development
/// certificate. Values the user set win. The browser token is ours, so the ready line can print the login URL.
/// </summary>
internal static class DashboardDefaults
{
    public const string DefaultUrl = "http://127.0.0.1:18888";

    private const string DefaultOtlpUrl = "http://127.0.0.1:18889";

    public static void Apply()
    {
        SetIfMissing("ASPNETCORE_URLS", DefaultUrl);
        SetIfMissing("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", DefaultOtlpUrl);
        SetIfMissing("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        SetIfMissing("DOTNET_ENVIRONMENT", "Development");
        SetIfMissing("AppHost__BrowserToken", Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
    }

    /// <summary>The URL that logs a browser into the dashboard, or null when the dashboard is off.</summary>
    public static string? LoginUrl(IConfiguration configuration)
    {
        var url = (configuration["ASPNETCORE_URLS"] ?? DefaultUrl).Split(';')[0].TrimEnd('/');
        var token = configuration["AppHost:BrowserToken"];
        return token is null ? url : $"{url}/login?t={token}";
    }

    /// <summary>Whether services would export telemetry to the dashboard's own OTLP port (ours), not to a collector the user named.</summary>
    public static bool OtlpEndpointIsTheDashboards() =>
        Environment.GetEnvironmentVariable("ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL") == DefaultOtlpUrl;

    private static void SetIfMissing(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name))) Environment.SetEnvironmentVariable(name, value);
    }
}
