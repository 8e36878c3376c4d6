namespace Payouts.BatchService.Domain;

/// <summary>Seed 001's rules for one payee's amount and memo; null when the value passes, else why not.</summary>
public static class PayeeRules
{
    public static string? CheckAmount(decimal amount)
    {
        if (decimal.Round(amount, 2) != amount) return "must have at most 2 decimal places";
        if (amount < BatchLimits.MinAmount) return "must be at least $3.00";
        if (amount > BatchLimits.MaxAmount) return "must be at most $1000000000.00";
        return null;
    }

    public static string? CheckMemo(string memo) =>
        memo.Length > BatchLimits.MemoMaxLength ? $"must be at most {BatchLimits.MemoMaxLength} characters" : null;
}
