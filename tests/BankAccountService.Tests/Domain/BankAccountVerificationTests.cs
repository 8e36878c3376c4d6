using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Tests.Domain;

public sealed class BankAccountVerificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid VerificationId = Guid.NewGuid();

    private static BankAccount Account(MicroDepositAmounts amounts) => BankAccount.Open(
        "456", null, "Chase", "John Doe", "checking", new BankDestination("US", "USD", "1234567890", "021000021", null),
        "a:x", "a:y", "fingerprint", VerificationId, Hash(amounts), Now.AddDays(7), Now);

    // A stand-in for the keyed hash: the domain only compares what it is given.
    private static string Hash(MicroDepositAmounts amounts) => amounts.Canonical(VerificationId);

    [Fact]
    public void The_amounts_verify_in_either_order()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(VerificationOutcome.Verified, account.Verify(Hash(new MicroDepositAmounts(45, 32)), Now.AddDays(1)));
        Assert.True(account.Verified);
        Assert.Equal(VerificationStatus.Verified, account.VerificationStatus);
        Assert.Equal(VerificationOutcome.AlreadyVerified, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now.AddDays(1)));
    }

    [Fact]
    public void Three_wrong_tries_lock_verification_even_for_the_right_amounts_afterwards()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(VerificationOutcome.WrongAmounts, account.Verify(Hash(new MicroDepositAmounts(1, 2)), Now));
        Assert.Equal(VerificationOutcome.WrongAmounts, account.Verify(Hash(new MicroDepositAmounts(1, 3)), Now));
        Assert.Equal(VerificationOutcome.Locked, account.Verify(Hash(new MicroDepositAmounts(1, 4)), Now));
        Assert.Equal(VerificationStatus.Failed, account.VerificationStatus);
        Assert.Equal(VerificationOutcome.Locked, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now));
        Assert.False(account.Verified);
    }

    [Fact]
    public void After_the_expiry_even_the_right_amounts_do_not_verify()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(VerificationOutcome.Expired, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now.AddDays(7)));
        Assert.Equal(VerificationStatus.Expired, account.VerificationStatus);
        Assert.False(account.IsPayable);
    }

    [Theory]
    [InlineData("0.32", 32)]
    [InlineData("0.01", 1)]
    [InlineData("0.99", 99)]
    [InlineData("0.5", 50)]
    [InlineData("0.325", null)] // three decimals
    [InlineData("-0.32", null)]
    [InlineData("0", null)]
    [InlineData("1.00", null)]
    public void Verification_amounts_are_cents_between_1_and_99(string amount, int? cents) =>
        Assert.Equal(cents, MicroDepositAmounts.ToCents(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Drawn_amounts_stay_within_a_cent_and_99_cents()
    {
        for (var i = 0; i < 500; i++)
        {
            var amounts = MicroDepositAmounts.Draw();
            Assert.InRange(amounts.First, 0.01m, 0.99m);
            Assert.InRange(amounts.Second, 0.01m, 0.99m);
        }
    }
}
