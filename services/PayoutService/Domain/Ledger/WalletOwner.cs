using System.Globalization;

namespace Payouts.PayoutService.Domain.Ledger;

/// <summary>Whose available/held/paid accounts a payout draws on: a user's own earnings or a company's wallet.</summary>
public readonly record struct WalletOwner(string OwnerType, string OwnerId)
{
    public static WalletOwner ForUser(long userId) => new(LedgerOwnerType.User, userId.ToString(CultureInfo.InvariantCulture));

    public static WalletOwner ForCompany(string companyId) => new(LedgerOwnerType.Company, companyId);

    public AccountKey Account(string kind, string currency) => new(OwnerType, OwnerId, kind, currency);
}
