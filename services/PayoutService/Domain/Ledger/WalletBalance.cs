namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>A wallet's money in one currency: what it can spend, and what is held for payouts and batches under way.</summary>
public sealed record WalletBalance(string Currency, decimal Available, decimal Held)
{
    /// <summary>From the owner's account balances in <paramref name="currency"/> by kind; an account not opened yet holds nothing.</summary>
    public static WalletBalance Of(string currency, IReadOnlyDictionary<string, decimal> balancesByKind) =>
        new(currency, balancesByKind.GetValueOrDefault(LedgerAccountKind.Available), balancesByKind.GetValueOrDefault(LedgerAccountKind.Held));
}
