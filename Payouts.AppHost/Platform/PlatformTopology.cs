namespace Payouts.AppHost.Platform;

/// <summary>The platform's resources and how they depend on each other (ARCHITECTURE §3, §6).</summary>
public static class PlatformTopology
{
    public const string ProviderSandbox = "provider-sandbox";
    public const string BankAccounts = "bank-accounts";
    public const string Payouts = "payouts";
    public const string Batches = "batches";
    public const string Settlement = "settlement";
    public const string Gateway = "gateway";

    /// <summary>
    /// In start order. Every project waits for its own database and the broker. The services call each other only
    /// while handling requests (through service discovery and the resilience handler; payouts and settlement even call
    /// each other), so they start side by side; settlement also waits for the provider sandbox its workers send
    /// transfers to, and the gateway, the only public entry point, waits for every service it routes to.
    /// </summary>
    public static IReadOnlyList<ProjectDefinition> Projects { get; } =
    [
        new(ProviderSandbox, "providersandboxdb", UsesMessaging: false, References: [], WaitFor: []),
        new(BankAccounts, "bankaccountsdb", UsesMessaging: true, References: [], WaitFor: []),
        new(Payouts, "payoutsdb", UsesMessaging: true, References: [BankAccounts, Settlement], WaitFor: []),
        new(Batches, "batchesdb", UsesMessaging: true, References: [Payouts, BankAccounts], WaitFor: []),
        new(Settlement, "settlementdb", UsesMessaging: true, References: [ProviderSandbox, BankAccounts, Payouts], WaitFor: [ProviderSandbox]),
        new(Gateway, Database: null, UsesMessaging: false, References: [Payouts, BankAccounts, Batches, Settlement], WaitFor: [Payouts, BankAccounts, Batches, Settlement]),
    ];

    public static ProjectDefinition Project(string name) =>
        Projects.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"'{name}' is not a project of the platform.", nameof(name));
}
