using System.Reflection;
using Payouts.Hosting;

namespace Payouts.AppHost;

/// <summary>
/// How this AppHost runs the platform, from its configuration (command line <c>--key value</c>, environment, or the
/// test builder's arguments). Checked before anything starts, so a bad value stops the AppHost with a clear message.
/// </summary>
internal sealed record PlatformSettings(
    string DataDirectory,
    int GatewayPort,
    int ConsolePort,
    int SettlementReplicas,
    string? PostgresConnectionString,
    string? RabbitMqUri,
    bool UseContainers,
    bool Ephemeral,
    string SigningKey,
    string? AuthAuthority,
    string ConsoleOidcClientId,
    TimeSpan StartTimeout,
    IReadOnlyList<string> WebhookAllowedPrivateTargets)
{
    public const int DefaultGatewayPort = 8080;
    public const int DefaultConsolePort = 8081;
    public const string DefaultConsoleOidcClientId = "payouts-console";

    public static PlatformSettings Read(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration["data-dir"] ?? Path.Combine(RepositoryRoot(), ".apphost"));
        Directory.CreateDirectory(dataDirectory);

        return new PlatformSettings(
            dataDirectory,
            PublicPort(configuration, "gateway", DefaultGatewayPort),
            PublicPort(configuration, "console", DefaultConsolePort),
            Int(configuration, "settlement-replicas", 2, 1, 16),
            Blank(configuration["postgres"]),
            Blank(configuration["rabbitmq"]),
            Bool(configuration, "containers"),
            Bool(configuration, "ephemeral"),
            DevSigningKey.LoadOrCreate(dataDirectory),
            Authority(configuration["auth-authority"]),
            Blank(configuration["console-oidc-client-id"]) ?? DefaultConsoleOidcClientId,
            TimeSpan.FromSeconds(Int(configuration, "start-timeout", 180, 10, 3600)),
            WebhookTargets.Read(configuration));
    }

    /// <summary><c>--&lt;resource&gt;-port</c>: a fixed loopback port that must be free, or 0 for any free one.</summary>
    private static int PublicPort(IConfiguration configuration, string resource, int fallback)
    {
        var port = Int(configuration, $"{resource}-port", fallback, 0, 65535);
        if (port == 0) return FreePort.Next();
        return FreePort.IsFree(port)
            ? port
            : throw new HostingSetupException(resource, $"port {port} on 127.0.0.1 is already in use (stop what uses it, or pass --{resource}-port <port>; 0 picks a free one).");
    }

    /// <summary>
    /// <c>--auth-authority</c>: the OpenID Connect issuer the platform trusts instead of the dev signing key (the gateway
    /// and services take its tokens, the console signs people in through it).
    /// </summary>
    private static string? Authority(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0
            ? text
            : throw new HostingSetupException("apphost", $"--auth-authority must be the issuer's absolute http(s) URL, not '{text}'.");
    }

    /// <summary>Whether the platform trusts an external issuer (<c>--auth-authority</c>) rather than the dev signing key.</summary>
    public bool UsesAuthority => AuthAuthority is not null;

    private static int Int(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var text = configuration[key];
        if (text is null) return fallback;
        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new HostingSetupException("apphost", $"--{key} must be a whole number from {min} to {max}, not '{text}'.");
    }

    private static bool Bool(IConfiguration configuration, string key) =>
        configuration[key] switch
        {
            null or "false" => false,
            "true" or "" => true,
            var other => throw new HostingSetupException("apphost", $"--{key} must be true or false, not '{other}'."),
        };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The folder holding Payouts.sln, found from this project's folder (known at build time): the home of <c>.apphost/</c>.</summary>
    public static string RepositoryRoot()
    {
        var projectDirectory = typeof(PlatformSettings).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Payouts.AppHost.ProjectDirectory")?.Value;
        foreach (var start in new[] { projectDirectory, Environment.CurrentDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Payouts.sln"))) return dir.FullName;
        }
        throw new HostingSetupException("apphost", "Payouts.sln was not found above the AppHost: pass --data-dir to say where it keeps its state.");
    }
}
