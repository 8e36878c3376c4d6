using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Payouts.Http.Testing;

namespace Payouts.SystemTests.Support;

/// <summary>
/// One whole platform per test class (or per collection, see <see cref="SharedPlatformCollection"/>): the real AppHost under <see cref="DistributedApplicationTestingBuilder"/>, with a
/// temporary data folder, a free gateway port, PostgreSQL without fsync and two settlement replicas, and a webhook
/// receiver on 127.0.0.1 that the AppHost allows (<c>--webhook-allowed-private-targets</c>). Disposing stops every
/// process it started and removes the folder.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    /// <summary>The gateway's default limit for business-flow tests: high enough that a test's own calls never meet it.</summary>
    public const int GenerousRateLimitPermits = 10_000;
    public const int RateLimitWindowSeconds = 30;

    /// <summary>
    /// A platform start on two shared cores, migrations included, takes one to two minutes when the machine is quiet,
    /// and five or more when other builds share it: the bound is generous, it only stops a start that hangs.
    /// </summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    private readonly int _rateLimitPermits;
    private RunningPlatform? _platform;
    private WebhookReceiver? _webhooks;

    public PlatformFixture() : this(GenerousRateLimitPermits)
    {
    }

    protected PlatformFixture(int rateLimitPermits) => _rateLimitPermits = rateLimitPermits;

    public string DataDirectory { get; } = NewDataDirectory();

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public Tokens Tokens => Platform.Tokens;

    /// <summary>
    /// Kestrel on 127.0.0.1, started before the platform so its port is the one the AppHost allowlists; each test
    /// registers a path of its own (<see cref="WebhookReceiver.NewUrl"/>) and reads only what arrived there.
    /// </summary>
    public WebhookReceiver Webhooks => _webhooks ?? throw new InvalidOperationException("The platform has not started.");

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "payouts-system-tests", Guid.NewGuid().ToString("N")[..12]);

    public async Task InitializeAsync()
    {
        _webhooks = await WebhookReceiver.StartAsync();
        _platform = await RunningPlatform.StartAsync(DataDirectory, builder =>
        {
            WithGatewayRateLimit(builder, _rateLimitPermits);
            // Settlement's sweep leaves an open transfer alone for five minutes, not one: the console test that
            // resolves one by hand must find it still open on a busy machine. Fixtures with their own timings override it.
            WithEnvironment(builder, "settlement", new() { ["Settlement__Reconciliation__MinimumAge"] = "00:05:00" });
            Configure(builder);
        }, StartTimeout, "--webhook-allowed-private-targets", new Uri(_webhooks.BaseUrl).Authority);
    }

    /// <summary>What a test class's own platform needs beyond the defaults (shorter timings …), set on the AppHost's resources before it is built.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    public static void WithGatewayRateLimit(IDistributedApplicationTestingBuilder builder, int permits) =>
        WithEnvironment(builder, "gateway", new()
        {
            ["Gateway__RateLimit__PermitLimit"] = permits.ToString(CultureInfo.InvariantCulture),
            ["Gateway__RateLimit__WindowSeconds"] = RateLimitWindowSeconds.ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>Environment for one of the AppHost's project resources (every replica of it).</summary>
    protected static void WithEnvironment(IDistributedApplicationTestingBuilder builder, string resource, Dictionary<string, string> variables)
    {
        var project = builder.CreateResourceBuilder<ProjectResource>(resource);
        foreach (var (name, value) in variables) project.WithEnvironment(name, value);
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null) await _platform.DisposeAsync();
        if (_webhooks is not null) await _webhooks.DisposeAsync();
        TempFolder.Delete(DataDirectory);
    }
}

/// <summary>A platform whose gateway limit is small, so a burst reaches it quickly (the rate-limiting test).</summary>
public sealed class RateLimitedPlatformFixture() : PlatformFixture(RateLimitPermits)
{
    public const int RateLimitPermits = 10;
}
