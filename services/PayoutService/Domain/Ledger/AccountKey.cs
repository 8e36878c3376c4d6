namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>Identifies an account before its row exists.</summary>
public readonly record struct AccountKey(string OwnerType, string OwnerId, string Kind, string Currency)
{
    public static AccountKey ForUser(long userId, string kind, string currency) =>
        new(LedgerOwnerType.User, userId.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, currency);

    public static AccountKey ForPlatform(string kind, string currency) =>
        new(LedgerOwnerType.Platform, LedgerOwnerType.PlatformOwnerId, kind, currency);
}
