using Payouts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.ProviderSandbox.Data;

namespace Payouts.ProviderSandbox.Tests.Support;

/// <summary>
/// The sandbox in process on a real PostgreSQL database, with short durations for the deterministic destinations so
/// tests stay quick. Two factories on the same database are the same sandbox before and after a restart. Typed by a
/// sandbox type, not Program: the AppHost (referenced through Payouts.Testing) has a Program too.
/// </summary>
public sealed class SandboxFactory(string connectionString) : WebApplicationFactory<SandboxDbContext>
{
    public const string ApiKey = "tests-api-key";
    public const string SettlementAccount = "TEST-SETTLEMENT";
    public const decimal OpeningBalance = 1_000_000m;
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromSeconds(4);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the tests state every setting they rely on instead of inheriting the documented defaults.
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:providersandboxdb", connectionString);
        builder.UseSetting("Sandbox:ApiKeys:0", ApiKey);
        builder.UseSetting($"Sandbox:SettlementAccounts:{SettlementAccount}:USD", OpeningBalance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Sandbox:DelayedFailureAfter", DelayedFailureAfter.ToString());
        builder.UseSetting("Sandbox:TimeoutHold", TimeoutHold.ToString());
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddHostedService<MigrateBeforeStart<SandboxDbContext>>());
    }

    /// <summary>A client that sends the API key.</summary>
    public SandboxClient CreateSandboxClient(TimeSpan? timeout = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        if (timeout is { } t) client.Timeout = t;
        return new SandboxClient(client);
    }
}
