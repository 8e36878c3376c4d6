namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>What an account holds. User/company accounts: available, held, paid. Platform accounts: funding, fees, clearing.</summary>
public static class LedgerAccountKind
{
    public const string Available = "available";
    public const string Held = "held";
    public const string Paid = "paid";
    public const string Funding = "funding";
    public const string Fees = "fees";
    public const string Clearing = "clearing";
}

public static class LedgerOwnerType
{
    public const string User = "user";
    public const string Company = "company";
    public const string Platform = "platform";

    /// <summary>The single owner id of platform accounts.</summary>
    public const string PlatformOwnerId = "platform";
}
