using Payouts.AppHost.Platform;

namespace Payouts.SystemTests;

/// <summary>
/// One whole platform per test class, started through the AppHost library exactly as <c>dotnet run</c> starts it, but
/// ephemeral: a temporary data folder, random ports, no fsync. Its logs stay in the temp folder when a test fails.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>The gateway's rate limit for these tests: small, so a burst reaches it quickly.</summary>
    public const int RateLimitPermits = 10;
    public const int RateLimitWindowSeconds = 30;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);
    private PayoutsPlatform? _platform;

    public PayoutsPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public Tokens Tokens => new(Platform.SigningKey);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _platform = await PayoutsPlatform.StartAsync(Options(_dataDirectory), timeout.Token);
    }

    public static PlatformOptions Options(string dataDirectory)
    {
        var options = new PlatformOptions
        {
            DataDirectory = dataDirectory,
            Ephemeral = true,
            GatewayPort = 0,
            SettlementReplicas = 2,
        };
        options.ExtraEnvironment["gateway"] = new()
        {
            ["Gateway__RateLimit__PermitLimit"] = RateLimitPermits.ToString(),
            ["Gateway__RateLimit__WindowSeconds"] = RateLimitWindowSeconds.ToString(),
        };
        return options;
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null) await _platform.DisposeAsync();
        TempFolder.Delete(_dataDirectory);
    }
}
