using Validation = Payouts.BankAccountService.Domain.Validation;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>Valid account numbers that no other test uses, so searching for one finds only its own test's traces.</summary>
public static class AccountFixtures
{
    private static int _next = Random.Shared.Next(1_000_000, 9_000_000);

    /// <summary>A 12-digit US account number unique within the run.</summary>
    public static string UsAccountNumber() => "7" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "321";

    /// <summary>A NUBAN for bank code 058 unique within the run.</summary>
    public static string Nuban()
    {
        var serial = "1" + Interlocked.Increment(ref _next).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        return serial + Validation.Nuban.CheckDigit("058", serial);
    }

    public const string ChaseRouting = "021000021";

    public static string NewUserId() => Random.Shared.NextInt64(100_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static (string, string)[] UsAccountForm(string accountNumber, string bankName = "Wells Fargo") =>
    [
        ("bank_name", bankName), ("account_number", accountNumber), ("routing_number", ChaseRouting),
        ("account_type", "checking"), ("account_holder_name", "John Doe"),
    ];
}
