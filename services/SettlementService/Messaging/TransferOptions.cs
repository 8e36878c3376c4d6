using System.ComponentModel.DataAnnotations;

namespace Payouts.SettlementService.Messaging;

/// <summary>
/// The <c>Settlement:Transfers:*</c> configuration: how many payouts one replica settles at once. A transfer spends
/// most of its time waiting on the provider, so this is a bound on waiting, not on CPU; what a transfer holds while it
/// waits (a <c>settle-payout</c> delivery, a provider connection, a database connection for its inbox transaction) is
/// sized from it.
/// </summary>
public sealed class TransferOptions
{
    public const string SectionName = "Settlement:Transfers";

    /// <summary>
    /// Connections of each kind the replica's other work may hold beside its transfers: micro-deposits (4 at once),
    /// status requests, fault records, the outbox dispatcher, reconciliation and the operator API (at most 8 provider
    /// calls at once for the finished report). Their database transactions are short, so a few may wait for one.
    /// </summary>
    public const int OtherWorkConnections = 16;

    /// <summary>
    /// <c>SettlePayout</c> commands one replica works on at once, each holding its inbox transaction (one pooled
    /// PostgreSQL connection) across the provider call. The default, 48, keeps the database well inside the local
    /// server's <c>max_connections=300</c>: two replicas hold at most 2 × (48 + 16) = 128, which leaves the other
    /// services (payouts, bank accounts, batches, the sandbox, each pooling what it uses) more than they use under load.
    /// </summary>
    [Range(1, 1000)]
    public int MaxInFlight { get; set; } = 48;

    /// <summary>The replica's PostgreSQL pool: every transfer in flight, and the other work beside it.</summary>
    public int DatabaseConnections => MaxInFlight + OtherWorkConnections;

    /// <summary>Connections to the provider: HTTP/1.1 carries one call at a time, so one per transfer and the other work's.</summary>
    public int ProviderConnections => MaxInFlight + OtherWorkConnections;
}
