namespace Payouts.ProviderSandbox.Domain;

/// <summary>
/// A debit account's balance in one currency. Transfers change it with single conditional UPDATEs
/// (see <c>TransferProcessor</c>), so it can never go below zero, even under concurrent debits.
/// </summary>
public sealed class AccountBalance(string accountId, string currency, decimal balance, DateTimeOffset updatedAt)
{
    public string AccountId { get; private set; } = accountId;

    public string Currency { get; private set; } = currency;

    public decimal Balance { get; private set; } = balance;

    public DateTimeOffset UpdatedAt { get; private set; } = updatedAt;
}
