using Payouts.Testing;

namespace Payouts.SettlementService.Tests.Support;

/// <summary>Settlement calling the sandbox through a <see cref="FaultInjectingProvider"/> that can garble its answers.</summary>
public sealed class FaultInjectionFixture(InfrastructureFixture infrastructure) : SettlementFixture(infrastructure)
{
    public FaultInjectingProvider Injector { get; private set; } = null!;

    protected override async Task<Uri?> StartProviderFrontAsync(SandboxHost sandbox)
    {
        Injector = await FaultInjectingProvider.StartAsync(sandbox.Server.CreateHandler());
        return Injector.Address;
    }

    protected override ValueTask DisposeProviderFrontAsync() => Injector?.DisposeAsync() ?? ValueTask.CompletedTask;
}
