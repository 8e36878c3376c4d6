namespace Payouts.Gateway.Routing;

/// <summary>
/// The services behind the gateway, named as the AppHost names their resources, so
/// <c>services:&lt;name&gt;:http:0</c> addresses them.
/// </summary>
public static class ClusterNames
{
    public const string Payouts = "payouts";
    public const string BankAccounts = "bank-accounts";
    public const string Batches = "batches";
    public const string Settlement = "settlement";
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<string> All = [Payouts, BankAccounts, Batches, Settlement, Notifications];
}
