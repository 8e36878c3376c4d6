namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>
/// A movement to post: legs on accounts that must sum to zero, and the accounts that may not go below zero.
/// Built by the domain, applied atomically by <c>LedgerStore</c>.
/// </summary>
public sealed class LedgerPosting
{
    private readonly List<(AccountKey Account, decimal Amount)> _legs = [];

    public LedgerPosting(string type, string currency, string? reference = null, long? payoutId = null)
    {
        Type = type;
        Currency = currency;
        Reference = reference;
        PayoutId = payoutId;
    }

    public string Type { get; }
    public string Currency { get; }
    public string? Reference { get; }
    public long? PayoutId { get; }
    public IReadOnlyList<(AccountKey Account, decimal Amount)> Legs => _legs;

    /// <summary>Accounts whose balance must stay ≥ 0 after posting (user available and held).</summary>
    public HashSet<AccountKey> NonNegative { get; } = [];

    /// <summary>Moves <paramref name="amount"/> from one account to another.</summary>
    public LedgerPosting Move(AccountKey from, AccountKey to, decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount), "A movement must be positive.");
        if (from.Currency != Currency || to.Currency != Currency)
            throw new ArgumentException("Every leg of a posting is in the posting's currency.");
        _legs.Add((from, -amount));
        _legs.Add((to, amount));
        if (from.OwnerType != LedgerOwnerType.Platform) NonNegative.Add(from);
        return this;
    }

    public static LedgerPosting Credit(long userId, decimal amount, string currency, string reference) =>
        new LedgerPosting(LedgerTransactionType.Credit, currency, reference)
            .Move(AccountKey.ForPlatform(LedgerAccountKind.Funding, currency), AccountKey.ForUser(userId, LedgerAccountKind.Available, currency), amount);

    /// <summary>An approved manual payment funds the billed account's wallet (a company's, or an individual's own balance).</summary>
    public static LedgerPosting Fund(WalletOwner wallet, decimal amount, string currency, string reference) =>
        new LedgerPosting(LedgerTransactionType.Credit, currency, reference)
            .Move(AccountKey.ForPlatform(LedgerAccountKind.Funding, currency), wallet.Account(LedgerAccountKind.Available, currency), amount);

    public static LedgerPosting Hold(WalletOwner wallet, decimal amount, string currency, string reference, long? payoutId) =>
        new LedgerPosting(LedgerTransactionType.PayoutHold, currency, reference, payoutId)
            .Move(wallet.Account(LedgerAccountKind.Available, currency), wallet.Account(LedgerAccountKind.Held, currency), amount);

    public static LedgerPosting Release(WalletOwner wallet, decimal amount, string currency, string reference, long payoutId) =>
        new LedgerPosting(LedgerTransactionType.PayoutRelease, currency, reference, payoutId)
            .Move(wallet.Account(LedgerAccountKind.Held, currency), wallet.Account(LedgerAccountKind.Available, currency), amount);

    /// <summary>An approved bulk batch's total, held on the company wallet as one hold.</summary>
    public static LedgerPosting HoldForBatch(string companyId, decimal amount, string currency, string batchReference)
    {
        var wallet = WalletOwner.ForCompany(companyId);
        return new LedgerPosting(LedgerTransactionType.BatchHold, currency, batchReference)
            .Move(wallet.Account(LedgerAccountKind.Available, currency), wallet.Account(LedgerAccountKind.Held, currency), amount);
    }

    /// <summary>What is left of a batch's hold goes back to the company wallet's available balance.</summary>
    public static LedgerPosting ReleaseBatch(string companyId, decimal amount, string currency, string batchReference)
    {
        var wallet = WalletOwner.ForCompany(companyId);
        return new LedgerPosting(LedgerTransactionType.BatchRelease, currency, batchReference)
            .Move(wallet.Account(LedgerAccountKind.Held, currency), wallet.Account(LedgerAccountKind.Available, currency), amount);
    }

    /// <summary>
    /// A batch recipient who is a platform user: credited from the batch's hold on the company wallet. A credit like any
    /// other to the user, so it counts in what they earned.
    /// </summary>
    public static LedgerPosting CreditFromBatch(string companyId, long userId, decimal amount, string currency, string batchReference) =>
        new LedgerPosting(LedgerTransactionType.Credit, currency, batchReference)
            .Move(WalletOwner.ForCompany(companyId).Account(LedgerAccountKind.Held, currency), AccountKey.ForUser(userId, LedgerAccountKind.Available, currency), amount);

    /// <summary>Held money leaves: the net to the wallet's paid account, the fees to the platform.</summary>
    public static LedgerPosting Complete(WalletOwner wallet, decimal amount, decimal fees, string currency, string reference, long payoutId)
    {
        var held = wallet.Account(LedgerAccountKind.Held, currency);
        var posting = new LedgerPosting(LedgerTransactionType.PayoutComplete, currency, reference, payoutId)
            .Move(held, wallet.Account(LedgerAccountKind.Paid, currency), amount - fees);
        return fees > 0 ? posting.Move(held, AccountKey.ForPlatform(LedgerAccountKind.Fees, currency), fees) : posting;
    }
}
