using Payouts.Contracts.BankAccounts;
using Payouts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// SettlementService in process on real PostgreSQL and RabbitMQ; its provider client reaches the in-process sandbox.
/// Short timeouts and a fast reconciliation sweep keep the tests quick.
/// </summary>
/// <param name="providerAddress">A real HTTP server to call as the provider instead of the in-process sandbox (a fault injector).</param>
public sealed class SettlementHost(string connectionString, string messaging, SandboxHost sandbox, Uri? providerAddress = null) : WebApplicationFactory<SettlementDbContext>
{
    public const string SigningKey = "settlement-tests-signing-key-with-more-than-32-bytes";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ReconciliationAge = TimeSpan.FromSeconds(2);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:settlementdb", connectionString);
        builder.UseSetting("ConnectionStrings:messaging", messaging);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting(MicroDepositSeal.ConfigurationKey, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        // Without a provider address, any address: the primary handler below goes to the in-process sandbox.
        builder.UseSetting("Provider:BaseUrl", providerAddress?.ToString() ?? "http://127.0.0.1:9/");
        builder.UseSetting("Provider:ApiKey", SandboxHost.ApiKey);
        builder.UseSetting("Provider:DebitAccountId", SandboxHost.DebitAccount);
        builder.UseSetting("Provider:AttemptTimeout", AttemptTimeout.ToString());
        builder.UseSetting("Provider:RetryDelay", "00:00:00.050");
        builder.UseSetting("Settlement:Reconciliation:Interval", "00:00:00.500");
        builder.UseSetting("Settlement:Reconciliation:MinimumAge", ReconciliationAge.ToString());
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services =>
        {
            services.AddHostedService<MigrateBeforeStart<SettlementDbContext>>();
            services.AddHttpClient<ProviderClient>().ConfigurePrimaryHttpMessageHandler(() => providerAddress is null
                ? sandbox.Server.CreateHandler()
                : new SocketsHttpHandler { UseProxy = false });
        });
    }
}
