using Payouts.ProviderSandbox.Data;
using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>The provider sandbox in process on its own database; its short "times out" hold outlasts settlement's attempt timeout.</summary>
public sealed class SandboxHost(string connectionString) : InProcessService<SandboxDbContext>
{
    public const string ApiKey = "settlement-tests-key";
    public const string DebitAccount = "SETTLEMENT-TESTS";
    public static readonly TimeSpan TimeoutHold = TimeSpan.FromSeconds(4);

    /// <summary>Long enough for a test to see the transfer pending before the provider fails it.</summary>
    public static readonly TimeSpan DelayedFailureAfter = TimeSpan.FromSeconds(10);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:providersandboxdb"] = connectionString,
        ["Sandbox:ApiKeys:0"] = ApiKey,
        [$"Sandbox:SettlementAccounts:{DebitAccount}:USD"] = "1000000",
        ["Sandbox:TimeoutHold"] = TimeoutHold.ToString(),
        ["Sandbox:DelayedFailureAfter"] = DelayedFailureAfter.ToString(),
    };
}
