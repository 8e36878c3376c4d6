using Payouts.BankAccountService.Domain;

namespace Payouts.BankAccountService.Tests.Domain;

public sealed class BankAccountVerificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid VerificationId = Guid.NewGuid();

    private static BankAccount Account(MicroDepositAmounts amounts) => BankAccount.Open(
        "456", null, "Chase", "John Doe", "checking", new BankDestination("US", "USD", "1234567890", "021000021", null),
        "a:x", "a:y", "fingerprint", VerificationId, Hash(amounts), Now);

    private static readonly TimeSpan Window = TimeSpan.FromDays(7);

    // A stand-in for the keyed hash: the domain only compares what it is given.
    private static string Hash(MicroDepositAmounts amounts) => amounts.Canonical(VerificationId);

    [Fact]
    public void Rounds_spent_count_only_earlier_accounts_that_never_verified()
    {
        var unverifiedTwice = Account(new MicroDepositAmounts(32, 45));
        unverifiedTwice.Verify(Hash(new MicroDepositAmounts(1, 2)), Now);
        unverifiedTwice.Verify(Hash(new MicroDepositAmounts(1, 3)), Now);
        unverifiedTwice.Verify(Hash(new MicroDepositAmounts(1, 4)), Now);
        Assert.Equal(RestartOutcome.Restarted, unverifiedTwice.RestartVerification(Guid.NewGuid(), "new", maxRounds: 3, Now));
        var verified = Account(new MicroDepositAmounts(32, 45));
        verified.Verify(Hash(new MicroDepositAmounts(32, 45)), Now);
        var unverifiedOnce = Account(new MicroDepositAmounts(32, 45));

        Assert.Equal(0, BankAccount.RoundsSpentOn([]));
        Assert.Equal(0, BankAccount.RoundsSpentOn([verified]));
        Assert.Equal(3, BankAccount.RoundsSpentOn([unverifiedTwice, verified, unverifiedOnce]));
    }

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
        Assert.Equal(DepositReport.Recorded, account.RecordDepositsSent(VerificationId, Now, Window, Now));
        Assert.Equal(VerificationOutcome.Expired, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now.AddDays(7)));
        Assert.Equal(VerificationStatus.Expired, account.VerificationStatus);
        Assert.False(account.IsPayable);
    }

    [Fact]
    public void The_window_counts_from_when_the_deposits_were_sent_and_there_is_none_before()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Null(account.VerificationExpiresAt);

        var sentAt = Now.AddDays(3);
        Assert.Equal(DepositReport.Recorded, account.RecordDepositsSent(VerificationId, sentAt, Window, sentAt));
        Assert.Equal(sentAt + Window, account.VerificationExpiresAt);
        // A second report (settlement answering a repeated command) keeps the first.
        Assert.Equal(DepositReport.NotApplicable, account.RecordDepositsSent(VerificationId, sentAt.AddDays(1), Window, sentAt.AddDays(1)));
        Assert.Equal(sentAt, account.MicroDepositsSentAt);

        Assert.Equal(VerificationOutcome.Verified, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now.AddDays(9)));
    }

    [Fact]
    public void Before_any_report_the_right_amounts_verify_whenever_they_come()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(VerificationOutcome.Verified, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now.AddDays(30)));
        Assert.Equal(DepositReport.NotApplicable, account.RecordDepositsSent(VerificationId, Now.AddDays(31), Window, Now.AddDays(31)));
    }

    [Fact]
    public void Failed_deposits_stop_attempts_without_counting_them()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(DepositReport.Recorded, account.RecordDepositsFailed(VerificationId, "account_closed", Now));
        Assert.Equal(VerificationStatus.DepositsFailed, account.VerificationStatus);
        Assert.Equal("account_closed", account.MicroDepositsFailureCode);

        Assert.Equal(VerificationOutcome.DepositsFailed, account.Verify(Hash(new MicroDepositAmounts(1, 2)), Now));
        Assert.Equal(VerificationOutcome.DepositsFailed, account.Verify(Hash(new MicroDepositAmounts(32, 45)), Now));
        Assert.Equal(0, account.FailedVerificationAttempts);
        Assert.Equal(DepositReport.NotApplicable, account.RecordDepositsFailed(VerificationId, "again", Now));
        Assert.Equal(DepositReport.NotApplicable, account.RecordDepositsSent(VerificationId, Now, Window, Now));
        Assert.Equal("account_closed", account.MicroDepositsFailureCode);
    }

    [Fact]
    public void Reports_for_another_verification_are_stale_and_change_nothing()
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        Assert.Equal(DepositReport.Stale, account.RecordDepositsFailed(Guid.NewGuid(), "account_closed", Now));
        Assert.Equal(DepositReport.Stale, account.RecordDepositsSent(Guid.NewGuid(), Now, Window, Now));
        Assert.Equal(VerificationStatus.Pending, account.VerificationStatus);
        Assert.Null(account.MicroDepositsSentAt);
    }

    [Theory]
    [InlineData("deposits_failed")]
    [InlineData("locked")]
    [InlineData("expired")]
    public void A_verification_that_cannot_succeed_restarts_with_new_amounts_a_limited_number_of_times(string how)
    {
        var account = Account(new MicroDepositAmounts(32, 45));
        var maxRounds = 3;
        for (var round = 1; round <= maxRounds; round++)
        {
            var current = account.VerificationId;
            var amounts = new MicroDepositAmounts(10 + round, 20 + round);
            Assert.Equal(round, account.VerificationRound);
            Assert.Equal(RestartOutcome.NotRestartable, account.RestartVerification(Guid.NewGuid(), "x", maxRounds, Now));
            MakeUnverifiable(account, current, how);

            var next = Guid.NewGuid();
            var restart = account.RestartVerification(next, amounts.Canonical(next), maxRounds, Now);
            if (round == maxRounds)
            {
                Assert.Equal(RestartOutcome.RoundsExhausted, restart);
                Assert.Equal(current, account.VerificationId);
                break;
            }

            Assert.Equal(RestartOutcome.Restarted, restart);
            Assert.Equal(next, account.VerificationId);
            Assert.Equal(VerificationStatus.Pending, account.VerificationStatus);
            Assert.Equal(0, account.FailedVerificationAttempts);
            Assert.Null(account.MicroDepositsSentAt);
            Assert.Null(account.VerificationExpiresAt);
            Assert.Null(account.MicroDepositsFailureCode);
            // The old verification's reports are stale now.
            Assert.Equal(DepositReport.Stale, account.RecordDepositsSent(current, Now, Window, Now));
        }

        // Verification is possible in the last allowed round with that round's amounts only.
        var fresh = Account(new MicroDepositAmounts(32, 45));
        MakeUnverifiable(fresh, VerificationId, how);
        var second = Guid.NewGuid();
        Assert.Equal(RestartOutcome.Restarted, fresh.RestartVerification(second, new MicroDepositAmounts(5, 6).Canonical(second), maxRounds, Now));
        Assert.Equal(VerificationOutcome.WrongAmounts, fresh.Verify(new MicroDepositAmounts(32, 45).Canonical(second), Now));
        Assert.Equal(VerificationOutcome.Verified, fresh.Verify(new MicroDepositAmounts(6, 5).Canonical(second), Now));
        Assert.Equal(RestartOutcome.NotRestartable, fresh.RestartVerification(Guid.NewGuid(), "x", maxRounds, Now));
    }

    private static void MakeUnverifiable(BankAccount account, Guid verificationId, string how)
    {
        switch (how)
        {
            case "deposits_failed":
                Assert.Equal(DepositReport.Recorded, account.RecordDepositsFailed(verificationId, "account_closed", Now));
                break;
            case "locked":
                for (var i = 0; i < BankAccount.MaxVerificationAttempts; i++) account.Verify("wrong", Now);
                Assert.Equal(VerificationStatus.Failed, account.VerificationStatus);
                break;
            default:
                Assert.Equal(DepositReport.Recorded, account.RecordDepositsSent(verificationId, Now.AddDays(-8), Window, Now));
                Assert.Equal(VerificationOutcome.Expired, account.Verify("wrong", Now));
                break;
        }
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
