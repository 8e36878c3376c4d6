using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Payouts.OpenApi.Tests.Support;

/// <summary>
/// A public service's real Program on Kestrel (127.0.0.1, a random port), as the gateway reaches it, with nothing
/// running in the background: its documents need its endpoints, not its database or broker, so the addresses of
/// those lead nowhere and no hosted service (bus, sweepers) starts.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the service's assembly (each has a global Program).</typeparam>
public sealed class PublicServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private const string Nowhere = "127.0.0.1:1";
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public PublicServiceHost(string database, IReadOnlyDictionary<string, string?> settings)
    {
        _settings = new Dictionary<string, string?>(settings)
        {
            [$"ConnectionStrings:{database}"] = $"Host=127.0.0.1;Port=1;Username=none;Password=none;Database={database}",
            ["ConnectionStrings:messaging"] = $"amqp://guest:guest@{Nowhere}/",
            ["Auth:SigningKey"] = TestTokens.SigningKey,
        };
        UseKestrel(0);
    }

    public Uri Address =>
        new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            // Only the web server itself: the bus and the sweepers would reach for the broker and database.
            foreach (var hosted in services.Where(service => service.ServiceType == typeof(IHostedService)
                && service.ImplementationType?.Name != "GenericWebHostService").ToList())
            {
                services.Remove(hosted);
            }
        });
    }
}
