using Payouts.SettlementService.Domain;
using Payouts.SettlementService.Providers;

namespace Payouts.SettlementService.Reconciliation;

/// <summary>What came of an operator's request to close a transfer; only <see cref="Resolved"/> changed anything.</summary>
public abstract record ResolutionResult
{
    /// <summary>Closed as asked; its event is in the outbox. <paramref name="AtProvider"/> null: the provider holds no transfer.</summary>
    public sealed record Resolved(Transfer Transfer, ProviderTransfer? AtProvider) : ResolutionResult;

    /// <summary>No transfer for the payout.</summary>
    public sealed record NotFound : ResolutionResult;

    /// <summary>Already final (completed or failed), or still being sent by a worker.</summary>
    public sealed record NotOpen(Transfer Transfer) : ResolutionResult;

    /// <summary>The provider's live record does not allow the requested outcome. <paramref name="AtProvider"/> null: it holds no transfer.</summary>
    public sealed record Contradicted(Transfer Transfer, ProviderTransfer? AtProvider) : ResolutionResult;

    /// <summary>The provider holds no transfer yet, but ours was sent too recently for that to mean nothing will be paid.</summary>
    public sealed record TooRecent(Transfer Transfer, TimeSpan CallWindow) : ResolutionResult;

    /// <summary>The provider gave no usable answer, so nothing can be decided.</summary>
    public sealed record NoAnswer(Transfer Transfer, string Reason) : ResolutionResult;
}
