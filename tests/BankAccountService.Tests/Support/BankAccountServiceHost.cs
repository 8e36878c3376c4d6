extern alias BankAccounts;

using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.BankAccountService.Data;
using Payouts.BankAccountService.Domain;
using Payouts.Contracts.BankAccounts;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>
/// The service on its own fresh database and the test broker, with configured (non-development) keys, every log line
/// captured, a movable rule clock, and clients carrying tokens for any user or role.
/// </summary>
public sealed class BankAccountServiceHost : WebApplicationFactory<BankAccounts::Program>
{
    public const string SigningKey = "bank-account-service-tests-signing-key-0123456789";
    public const int ExpiryDays = 5;

    private readonly string _database;
    private readonly string _messaging;
    private readonly LocalTokenIssuer _issuer = new(new AuthSettings(SigningKey));

    private readonly bool _withKeys;

    private BankAccountServiceHost(string database, string messaging, bool withKeys = true)
    {
        _database = database;
        _messaging = messaging;
        _withKeys = withKeys;
    }

    public LogCapture Logs { get; } = new();

    public TestClock Clock { get; } = new();

    public string DatabaseConnectionString => _database;

    public static async Task<BankAccountServiceHost> StartAsync(InfrastructureFixture infrastructure, string name)
    {
        var host = new BankAccountServiceHost(await infrastructure.CreateDatabaseAsync(name), infrastructure.MessagingConnectionString);
        host.StartServer();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>
    /// Waits for /health (database and bus): the bus starts in the background, and a host disposed while its bus is
    /// still starting would leave a consumer running on a disposed container, answering the next test's requests.
    /// </summary>
    private async Task WaitUntilHealthyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync("/health");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"The bank account service did not become healthy within 60 s (last /health: {last}).");
    }

    /// <summary>A host configured like production but without encryption keys, which must refuse to start.</summary>
    public static async Task<BankAccountServiceHost> WithoutKeysAsync(InfrastructureFixture infrastructure) =>
        new(await infrastructure.CreateDatabaseAsync("no_keys"), infrastructure.MessagingConnectionString, withKeys: false);

    /// <summary>A host whose broker refuses connections (nothing listens on port 1), as when RabbitMQ is down at start.</summary>
    public static async Task<BankAccountServiceHost> WithBrokerDownAsync(InfrastructureFixture infrastructure) =>
        new(await infrastructure.CreateDatabaseAsync("broker_down"), "amqp://guest:guest@127.0.0.1:1/");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:bankaccountsdb", _database);
        builder.UseSetting("ConnectionStrings:messaging", _messaging);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        if (_withKeys)
        {
            builder.UseSetting("BankAccounts:Encryption:Keys:test-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("BankAccounts:Encryption:CurrentKeyId", "test-1");
            builder.UseSetting("BankAccounts:Hashing:Key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting(MicroDepositSeal.ConfigurationKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        builder.UseSetting("BankAccounts:Verification:ExpiryDays", ExpiryDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services => services
            .AddHostedService<MigrateBeforeStart<BankAccountsDbContext>>()
            .AddKeyedSingleton<TimeProvider>(ServiceClock.Key, Clock));
    }

    /// <summary>Every response body the host's clients received, for leak checks.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> ResponseBodies { get; } = new();

    public HttpClient ClientFor(string userId, string role = PayoutsRoles.User, string? companyId = null)
    {
        var client = CreateDefaultClient(new ResponseRecorder(ResponseBodies));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _issuer.Issue(new AuthTokenRequest(userId, [role], companyId)));
        return client;
    }
}

/// <summary>Keeps a copy of each response body (buffered, so the caller can still read it).</summary>
internal sealed class ResponseRecorder(System.Collections.Concurrent.ConcurrentQueue<string> bodies) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        bodies.Enqueue(await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}
