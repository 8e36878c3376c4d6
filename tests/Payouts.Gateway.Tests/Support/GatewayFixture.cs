using Payouts.Gateway.Routing;

namespace Payouts.Gateway.Tests.Support;

/// <summary>
/// Four echo backends (one per cluster) and a gateway pointed at them through
/// <c>services:&lt;cluster&gt;:http:0</c>, as the AppHost would configure it.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    private readonly Dictionary<string, EchoBackend> _backends = [];
    private GatewayFactory? _factory;

    public GatewayFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not started.");

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyDictionary<string, EchoBackend> Backends => _backends;

    /// <summary>Clusters whose backend is started and configured.</summary>
    protected virtual IEnumerable<string> RunningClusters => ClusterNames.All;

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = TestTokens.SigningKey,
            ["OTEL_SERVICE_NAME"] = "gateway",
            // Generous, so only the rate-limit tests ever hit it.
            ["Gateway:RateLimit:PermitLimit"] = "100000",
        };

        foreach (var cluster in RunningClusters)
        {
            var backend = await EchoBackend.StartAsync(cluster);
            _backends[cluster] = backend;
            settings[$"services:{cluster}:http:0"] = backend.Address.ToString().TrimEnd('/');
        }

        Configure(settings);

        _factory = new GatewayFactory(settings);
        _factory.StartServer();
        Client = _factory.CreateLoopbackClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        foreach (var backend in _backends.Values)
        {
            await backend.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
