using System.Security.Cryptography;

namespace Payouts.BankAccountService.Domain;

/// <summary>The two verification deposits, each 0.01–0.99, held as whole cents.</summary>
public sealed record MicroDepositAmounts(int FirstCents, int SecondCents)
{
    public const int MinCents = 1;
    public const int MaxCents = 99;

    public decimal First => FirstCents / 100m;

    public decimal Second => SecondCents / 100m;

    public static MicroDepositAmounts Draw() =>
        new(RandomNumberGenerator.GetInt32(MinCents, MaxCents + 1), RandomNumberGenerator.GetInt32(MinCents, MaxCents + 1));

    /// <summary>The amounts in ascending order, so the pair matches whichever order the user types them in.</summary>
    public string Canonical(Guid verificationId) =>
        $"{verificationId:N}|{Math.Min(FirstCents, SecondCents)}|{Math.Max(FirstCents, SecondCents)}";

    /// <summary>Cents for an amount in 0.01–0.99 with at most two decimals; null for anything else.</summary>
    public static int? ToCents(decimal amount)
    {
        var cents = amount * 100m;
        return cents == decimal.Truncate(cents) && cents is >= MinCents and <= MaxCents ? (int)cents : null;
    }
}
