using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.PayoutService.Data;
using Payouts.ServiceDefaults.Authentication;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>
/// PayoutService hosted once (the factory is keyed by a type of its assembly: the AppHost also has a Program) for the test assembly on its own PostgreSQL database and the private RabbitMQ. The
/// fixture owns the assembly's <see cref="InfrastructureFixture"/> (xunit 2 fixtures cannot depend on each other).
/// Tests isolate themselves by using fresh user ids.
/// </summary>
public sealed class PayoutServiceFixture : IAsyncLifetime
{
    private const string SigningKey = "payout-service-tests-signing-key-0123456789";
    private static long _nextUserId = 1_000 + (DateTime.UtcNow.Ticks % 1_000_000) * 1_000;

    private WebApplicationFactory<PayoutsDbContext>? _factory;
    private BankAccountServiceHost? _bankAccountService;
    private string? _bankAccountsDatabase;
    private LocalTokenIssuer? _tokens;

    public InfrastructureFixture Infrastructure { get; } = new();

    public PublishedEvents Events { get; } = new();

    public FakeSettlement Settlement { get; } = new();

    /// <summary>The micro-deposits the real BankAccountService asked settlement to send.</summary>
    public MicroDepositCapture MicroDeposits { get; } = new();

    public BankAccountServiceHost BankAccountService => _bankAccountService ?? throw new InvalidOperationException("The fixture has not started.");

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<PayoutsDbContext> Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        var database = await Infrastructure.CreateDatabaseAsync("payouts");
        _tokens = new LocalTokenIssuer(new AuthSettings(SigningKey));
        _factory = new WebApplicationFactory<PayoutsDbContext>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:payoutsdb", database);
            web.UseSetting("ConnectionStrings:messaging", Infrastructure.MessagingConnectionString);
            web.UseSetting("Auth:SigningKey", SigningKey);
            // Long enough for the fake settlement to answer on a loaded CI machine (3 s was not always); the 202 tests hold it.
            web.UseSetting("Payouts:Processing:SettlementWait", "00:00:08");
            // Status checks of payouts stuck in processing: due after 2 s, again every second, swept four times a second.
            web.UseSetting("Payouts:Processing:StatusCheckAfter", "00:00:02");
            web.UseSetting("Payouts:Processing:StatusCheckInterval", "00:00:01");
            web.UseSetting("Payouts:Processing:StatusSweepInterval", "00:00:00.250");
            // How long a read-your-writes request waits for BankAccountService before the caller gets a 503.
            web.UseSetting("Payouts:BankAccounts:RequestTimeout", "00:00:03");
            web.ConfigureTestServices(services => services.AddHostedService<MigrateBeforeStart<PayoutsDbContext>>());
            web.ConfigureLogging(logging =>
            {
                // PAYOUTS_TEST_LOGS=1 shows the service's logs when diagnosing a failing test.
                if (Environment.GetEnvironmentVariable("PAYOUTS_TEST_LOGS") != "1") logging.ClearProviders();
            });
        });
        using (var client = _factory.CreateClient()) await ServiceHealth.WaitAsync(client, "PayoutService");

        await Events.ConnectAsync(Bus);
        await Settlement.ConnectAsync(Bus);
        await MicroDeposits.ConnectAsync(Bus);

        _bankAccountsDatabase = await Infrastructure.CreateDatabaseAsync("bankaccounts");
        await StartBankAccountServiceAsync();
    }

    /// <summary>
    /// Runs <paramref name="body"/> while BankAccountService is down (its queue stays, unanswered), then starts it again
    /// on the same database. Tests of one collection run one at a time, so no other test sees it down.
    /// </summary>
    public async Task WhileBankAccountServiceIsDownAsync(Func<Task> body)
    {
        await BankAccountService.DisposeAsync();
        _bankAccountService = null;
        try
        {
            await body();
        }
        finally
        {
            await StartBankAccountServiceAsync();
        }
    }

    private async Task StartBankAccountServiceAsync()
    {
        _bankAccountService = new BankAccountServiceHost(_bankAccountsDatabase!, Infrastructure.MessagingConnectionString, SigningKey);
        using var bankAccountClient = _bankAccountService.CreateClient();
        await ServiceHealth.WaitAsync(bankAccountClient, "BankAccountService");
    }

    /// <summary>A user id no other test uses.</summary>
    public static long NewUserId() => Interlocked.Increment(ref _nextUserId);

    public HttpClient ClientFor(long userId, string? companyId = null, params string[] roles) =>
        ClientForSubject(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), companyId, roles);

    /// <summary>A client whose token's <c>sub</c> is <paramref name="subject"/> as given (e.g. seed 004's admin uuid).</summary>
    public HttpClient ClientForSubject(string subject, string? companyId = null, params string[] roles)
    {
        var client = Factory.CreateClient();
        var token = _tokens!.Issue(new AuthTokenRequest(subject, roles.Length == 0 ? [PayoutsRoles.User] : roles, companyId));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AdminClient() => ClientFor(NewUserId(), null, PayoutsRoles.Admin);

    /// <summary>A client of the real BankAccountService with the same user's token.</summary>
    public HttpClient BankAccountClientFor(long userId)
    {
        var client = BankAccountService.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            _tokens!.Issue(new AuthTokenRequest(userId.ToString(System.Globalization.CultureInfo.InvariantCulture), [PayoutsRoles.User], null)));
        return client;
    }

    public HttpClient AnonymousClient() => Factory.CreateClient();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public async Task<T> QueryAsync<T>(Func<PayoutsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PayoutsDbContext>());
    }

    public async Task DisposeAsync()
    {
        if (_bankAccountService is not null) await _bankAccountService.DisposeAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PayoutServiceCollection : ICollectionFixture<PayoutServiceFixture>
{
    public const string Name = "payout-service";
}
