using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Payouts.Contracts.BankAccounts;
using Payouts.SettlementService.Data;
using Payouts.SettlementService.Providers;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// SettlementService in process on real PostgreSQL and RabbitMQ; its provider client reaches the in-process sandbox.
/// Short timeouts and a fast reconciliation sweep keep the tests quick.
/// </summary>
/// <param name="providerAddress">A real HTTP server to call as the provider instead of the in-process sandbox (a fault injector).</param>
/// <param name="settings">Settings of a test's own, over the ones below.</param>
public sealed class SettlementHost(
    string connectionString, string messaging, SandboxHost sandbox, Uri? providerAddress = null, IReadOnlyDictionary<string, string?>? settings = null)
    : InProcessService<SettlementDbContext>
{
    public const string SigningKey = "settlement-tests-signing-key-with-more-than-32-bytes";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan ReconciliationAge = TimeSpan.FromSeconds(2);

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var all = DefaultSettings;
            if (settings is not null)
            {
                foreach (var (key, value) in settings) all[key] = value;
            }

            return all;
        }
    }

    private Dictionary<string, string?> DefaultSettings => new()
    {
        ["ConnectionStrings:settlementdb"] = connectionString,
        ["ConnectionStrings:messaging"] = messaging,
        ["Auth:SigningKey"] = SigningKey,
        [MicroDepositSeal.ConfigurationKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        // Without a provider address, any address: the primary handler below goes to the in-process sandbox.
        ["Provider:BaseUrl"] = providerAddress?.ToString() ?? "http://127.0.0.1:9/",
        ["Provider:ApiKey"] = SandboxHost.ApiKey,
        ["Provider:DebitAccountId"] = SandboxHost.DebitAccount,
        ["Provider:AttemptTimeout"] = AttemptTimeout.ToString(),
        ["Provider:RetryDelay"] = "00:00:00.050",
        ["Settlement:Reconciliation:Interval"] = "00:00:00.500",
        ["Settlement:Reconciliation:MinimumAge"] = ReconciliationAge.ToString(),
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // A provider address is called over the service's own handler (its connection limit included), never a proxy.
        var provider = services.AddHttpClient<ProviderClient>();
        if (providerAddress is null) provider.ConfigurePrimaryHttpMessageHandler(() => sandbox.Server.CreateHandler());
        else provider.ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).UseProxy = false);
    }
}
