namespace Payouts.SystemTests.Support;

/// <summary>
/// A platform that trusts an external OpenID Connect issuer (<c>--auth-authority</c>), the test's own
/// <see cref="TestIdentityProvider"/>, instead of the dev signing key: as production runs it.
/// </summary>
public sealed class OidcPlatformFixture : IAsyncLifetime
{
    private TestIdentityProvider? _provider;
    private RunningPlatform? _platform;

    public string DataDirectory { get; } = PlatformFixture.NewDataDirectory();

    public TestIdentityProvider Provider => _provider ?? throw new InvalidOperationException("The identity provider has not started.");

    public RunningPlatform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public async Task InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _platform = await RunningPlatform.StartAsync(DataDirectory,
            builder => PlatformFixture.WithGatewayRateLimit(builder, PlatformFixture.GenerousRateLimitPermits),
            PlatformFixture.StartTimeout,
            "--auth-authority", _provider.Authority,
            "--console-oidc-client-id", TestIdentityProvider.ClientId,
            $"--Parameters:console-oidc-client-secret={_provider.ClientSecret}");
        _provider.AllowRedirectUri(new Uri(_platform.ConsoleUrl, "/signin-oidc"));
    }

    public async Task DisposeAsync()
    {
        if (_platform is not null) await _platform.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        TempFolder.Delete(DataDirectory);
    }
}
