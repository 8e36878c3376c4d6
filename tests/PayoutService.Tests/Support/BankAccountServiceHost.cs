extern alias BankAccounts;

using System.Security.Cryptography;
using BankAccounts::Payouts.BankAccountService.Data;
using Payouts.Contracts.BankAccounts;
using Payouts.Testing;

namespace Payouts.PayoutService.Tests.Support;

/// <summary>
/// The real BankAccountService beside PayoutService on the same broker: it answers PayoutService's read-your-writes
/// requests (for the accounts tests publish fake events about, "not found", so the read model decides as before) and
/// publishes real events for what tests add through its API. Tokens are signed with PayoutService's key.
/// </summary>
public sealed class BankAccountServiceHost(string connectionString, string messaging, string signingKey) : InProcessService<BankAccountsDbContext>
{
    /// <summary>The key the micro-deposit amounts are sealed with, so a test can open them as settlement does.</summary>
    public MicroDepositSeal Seal => new(_sealKey);

    private readonly byte[] _sealKey = RandomNumberGenerator.GetBytes(32);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:bankaccountsdb"] = connectionString,
        ["ConnectionStrings:messaging"] = messaging,
        ["Auth:SigningKey"] = signingKey,
        ["BankAccounts:Encryption:Keys:test-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["BankAccounts:Encryption:CurrentKeyId"] = "test-1",
        ["BankAccounts:Hashing:Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        [MicroDepositSeal.ConfigurationKey] = Convert.ToBase64String(_sealKey),
    };
}
