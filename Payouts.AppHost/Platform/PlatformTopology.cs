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
    /// In start order. A project waits for the services it references, except where that would be a cycle: payouts
    /// and settlement call each other, so payouts starts without waiting for settlement (calls are made at request
    /// time, through service discovery and the resilience handler, not at start-up).
    /// </summary>
    public static IReadOnlyList<ProjectDefinition> Projects { get; } =
    [
        new(ProviderSandbox, Database: null, UsesMessaging: false, References: [], WaitFor: []),
        new(BankAccounts, "bankaccountsdb", UsesMessaging: true, References: [], WaitFor: []),
        new(Payouts, "payoutsdb", UsesMessaging: true, References: [BankAccounts, Settlement], WaitFor: [BankAccounts]),
        new(Batches, "batchesdb", UsesMessaging: true, References: [Payouts, BankAccounts], WaitFor: [Payouts, BankAccounts]),
        new(Settlement, "settlementdb", UsesMessaging: true, References: [ProviderSandbox, BankAccounts, Payouts], WaitFor: [ProviderSandbox, BankAccounts, Payouts]),
        new(Gateway, Database: null, UsesMessaging: false, References: [Payouts, BankAccounts, Batches, Settlement], WaitFor: [Payouts, BankAccounts, Batches, Settlement]),
    ];

    public static ProjectDefinition Project(string name) =>
        Projects.FirstOrDefault(p => p.Name == name) ?? throw new ArgumentException($"'{name}' is not a project of the platform.", nameof(name));
}
