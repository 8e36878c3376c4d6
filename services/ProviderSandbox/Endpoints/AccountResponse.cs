using Payouts.ProviderSandbox.Domain;

namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>A debit account and its balance per currency.</summary>
public sealed record AccountResponse(string Id, IReadOnlyList<BalanceResponse> Balances)
{
    public static AccountResponse From(string accountId, IEnumerable<AccountBalance> balances) =>
        new(accountId, [.. balances.Select(b => new BalanceResponse(b.Currency, b.Balance, b.UpdatedAt))]);
}

public sealed record BalanceResponse(string Currency, decimal Balance, DateTimeOffset UpdatedAt);
