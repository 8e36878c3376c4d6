using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>
/// Settlement allowed <see cref="MaxInFlight"/> transfers at once, calling the sandbox through a
/// <see cref="FaultInjectingProvider"/> that counts and holds transfer calls; a provider call may wait a minute, so a
/// held call outlasts however long the others take to arrive.
/// </summary>
public sealed class TransfersInFlightFixture(InfrastructureFixture infrastructure) : SettlementFixture(infrastructure)
{
    /// <summary>More than the 8 settlement took at once before the setting.</summary>
    public const int MaxInFlight = 20;

    public FaultInjectingProvider Provider { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> SettlementSettings => new Dictionary<string, string?>
    {
        ["Settlement:Transfers:MaxInFlight"] = MaxInFlight.ToString(),
        ["Provider:AttemptTimeout"] = "00:01:00",
    };

    protected override async Task<Uri?> StartProviderFrontAsync(SandboxHost sandbox)
    {
        Provider = await FaultInjectingProvider.StartAsync(sandbox.Server.CreateHandler());
        return Provider.Address;
    }

    protected override ValueTask DisposeProviderFrontAsync() => Provider?.DisposeAsync() ?? ValueTask.CompletedTask;
}
