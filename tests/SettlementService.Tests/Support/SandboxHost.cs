using Payouts.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Payouts.ProviderSandbox.Data;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>The provider sandbox in process on its own database; its short "times out" hold outlasts settlement's attempt timeout.</summary>
public sealed class SandboxHost(string connectionString) : WebApplicationFactory<SandboxDbContext>
{
    public const string ApiKey = "settlement-tests-key";
    public const string DebitAccount = "SETTLEMENT-TESTS";
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromSeconds(4);

    /// <summary>Long enough for a test to see the transfer pending before the provider fails it.</summary>
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(10);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:providersandboxdb", connectionString);
        builder.UseSetting("Sandbox:ApiKeys:0", ApiKey);
        builder.UseSetting($"Sandbox:SettlementAccounts:{DebitAccount}:USD", "1000000");
        builder.UseSetting("Sandbox:TimeoutHold", TimeoutHold.ToString());
        builder.UseSetting("Sandbox:DelayedFailureAfter", DelayedFailureAfter.ToString());
        builder.ConfigureLogging(logging => logging.ClearProviders());
        builder.ConfigureTestServices(services => services.AddHostedService<MigrateBeforeStart<SandboxDbContext>>());
    }
}
