using Payouts.AppHost.Platform;

namespace Payouts.SystemTests;

/// <summary>
/// One whole platform per test class, started through the AppHost library exactly as <c>dotnet run</c> starts it, but
/// ephemeral: a temporary data folder, random ports, no fsync. Its logs stay in the temp folder when a test fails.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    /// <summary>The gateway's default limit for business-flow tests: high enough that a test's own calls never meet it.</summary>
    public const int GenerousRateLimitPermits = 10_000;
    public const int RateLimitWindowSeconds = 30;

    private readonly int _rateLimitPermits;

    public PlatformFixture() : this(GenerousRateLimitPermits)
    {
    }

    protected PlatformFixture(int rateLimitPermits) => _rateLimitPermits = rateLimitPermits;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);
    private PayoutsPlatform? _platform;

    public PayoutsPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public Tokens Tokens => new(Platform.SigningKey);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var options = Options(_dataDirectory, _rateLimitPermits);
        Configure(options);
        _platform = await PayoutsPlatform.StartAsync(options, timeout.Token);
    }

    /// <summary>What a test class's own platform needs beyond the defaults (replicas, shorter timings …).</summary>
    protected virtual void Configure(PlatformOptions options)
    {
    }

    public static PlatformOptions Options(string dataDirectory, int rateLimitPermits = GenerousRateLimitPermits)
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
            ["Gateway__RateLimit__PermitLimit"] = rateLimitPermits.ToString(),
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

/// <summary>A platform whose gateway limit is small, so a burst reaches it quickly (the rate-limiting test).</summary>
public sealed class RateLimitedPlatformFixture() : PlatformFixture(RateLimitPermits)
{
    public const int RateLimitPermits = 10;
}
