namespace Payouts.PayoutService.Data;

/// <summary>
/// What the current transaction's postings add to platform accounts, applied by <see cref="PlatformBalanceInterceptor"/>
/// as the transaction's last statements. One per context; emptied whenever a transaction starts.
/// </summary>
public sealed class PlatformBalanceChanges
{
    private readonly SortedDictionary<long, decimal> _amounts = [];

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Per account id, in id order (the order every transaction locks them in, so two never deadlock).</summary>
    public IReadOnlyDictionary<long, decimal> Amounts => _amounts;

    public void Add(long accountId, decimal amount, DateTimeOffset at)
    {
        _amounts[accountId] = _amounts.GetValueOrDefault(accountId) + amount;
        if (at > UpdatedAt) UpdatedAt = at;
    }

    public void Clear()
    {
        _amounts.Clear();
        UpdatedAt = default;
    }
}
