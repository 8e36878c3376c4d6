using System.Globalization;
using Payouts.ProviderSandbox.Data;
using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests.Support;

/// <summary>
/// The sandbox in process on a real PostgreSQL database, with short durations for the deterministic destinations so
/// tests stay quick. Two factories on the same database are the same sandbox before and after a restart.
/// </summary>
public sealed class SandboxFactory(string connectionString) : InProcessService<SandboxDbContext>
{
    public const string ApiKey = "tests-api-key";
    public const string SettlementAccount = "TEST-SETTLEMENT";
    public const decimal OpeningBalance = 1_000_000m;
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromSeconds(4);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:providersandboxdb"] = connectionString,
        ["Sandbox:ApiKeys:0"] = ApiKey,
        [$"Sandbox:SettlementAccounts:{SettlementAccount}:USD"] = OpeningBalance.ToString(CultureInfo.InvariantCulture),
        ["Sandbox:DelayedFailureAfter"] = DelayedFailureAfter.ToString(),
        ["Sandbox:TimeoutHold"] = TimeoutHold.ToString(),
    };

    /// <summary>A client that sends the API key.</summary>
    public SandboxClient CreateSandboxClient(TimeSpan? timeout = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        if (timeout is { } t) client.Timeout = t;
        return new SandboxClient(client);
    }
}
