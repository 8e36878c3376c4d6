using System.Globalization;
using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Domain.Billing;

/// <summary>
/// Who is billed (seed 003's "the user's account"): a company member's account is the company (the token's
/// <c>company_id</c>), an individual's is the user. An approved payment credits that account's wallet.
/// </summary>
public sealed record BillingAccount(string Type, string Id)
{
    public static BillingAccount ForCompany(string companyId) => new(LedgerOwnerType.Company, companyId);

    public static BillingAccount ForUser(long userId) => new(LedgerOwnerType.User, userId.ToString(CultureInfo.InvariantCulture));

    public WalletOwner Wallet => new(Type, Id);
}
