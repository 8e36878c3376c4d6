namespace Payouts.ProviderSandbox.Endpoints;

/// <summary>A settlement account and its balance per currency.</summary>
public sealed record AccountResponse(string Id, IReadOnlyList<BalanceResponse> Balances);

public sealed record BalanceResponse(string Currency, decimal Balance, DateTimeOffset UpdatedAt);
