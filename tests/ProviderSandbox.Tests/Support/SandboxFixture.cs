using Payouts.Testing;

namespace Payouts.ProviderSandbox.Tests.Support;

/// <summary>One sandbox (and its own database) shared by the tests of a class; tests isolate by reference and account.</summary>
public sealed class SandboxFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public SandboxFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new SandboxFactory(await infrastructure.CreateDatabaseAsync("providersandbox"));
        // Starts the host: migrates and opens the configured settlement account.
        Factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
