using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Tests.Domain;

public sealed class TwoFactorEnrollmentTests
{
    private static readonly byte[] Secret = Totp.NewSecret();
    private static readonly TwoFactorPolicy Policy = new();
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_700_000_010);

    private static string CodeAt(DateTimeOffset time) => Totp.CodeAt(Secret, Totp.StepAt(time));

    private static string WrongCodeAt(DateTimeOffset time) => CodeAt(time) == "000000" ? "111111" : "000000";

    [Fact]
    public void Confirming_needs_a_good_code_and_spends_it()
    {
        var enrollment = TwoFactorEnrollment.Start("c", "u", "ciphertext", Start);

        Assert.Equal(CodeCheck.Rejected, enrollment.Confirm(Secret, WrongCodeAt(Start), Start, Policy));
        Assert.False(enrollment.IsConfirmed);
        Assert.Equal(CodeCheck.Accepted, enrollment.Confirm(Secret, CodeAt(Start), Start, Policy));
        Assert.True(enrollment.IsConfirmed);
        Assert.Equal(CodeCheck.Rejected, enrollment.Check(Secret, CodeAt(Start), Start, Policy));
    }

    [Fact]
    public void Five_failures_within_the_window_lock_until_the_lockout_ends()
    {
        var enrollment = Confirmed();
        var now = Start.AddMinutes(1);
        for (var i = 0; i < Policy.MaxFailures; i++) Assert.Equal(CodeCheck.Rejected, enrollment.Check(Secret, WrongCodeAt(now), now, Policy));

        Assert.Equal(CodeCheck.Locked, enrollment.Check(Secret, CodeAt(now), now, Policy));
        var justBefore = now + Policy.Lockout - TimeSpan.FromSeconds(1);
        Assert.Equal(CodeCheck.Locked, enrollment.Check(Secret, CodeAt(justBefore), justBefore, Policy));
        var after = now + Policy.Lockout;
        Assert.Equal(CodeCheck.Accepted, enrollment.Check(Secret, CodeAt(after), after, Policy));
    }

    [Fact]
    public void Failures_older_than_the_window_do_not_count()
    {
        var enrollment = Confirmed();
        var now = Start.AddMinutes(1);
        for (var i = 0; i < Policy.MaxFailures - 1; i++) Assert.Equal(CodeCheck.Rejected, enrollment.Check(Secret, WrongCodeAt(now), now, Policy));

        var later = now + Policy.FailureWindow;
        Assert.Equal(CodeCheck.Rejected, enrollment.Check(Secret, WrongCodeAt(later), later, Policy));
        Assert.False(enrollment.IsLockedAt(later));
        Assert.Equal(CodeCheck.Accepted, enrollment.Check(Secret, CodeAt(later), later, Policy));
    }

    [Fact]
    public void A_good_code_clears_the_failures()
    {
        var enrollment = Confirmed();
        var now = Start.AddMinutes(1);
        for (var i = 0; i < Policy.MaxFailures - 1; i++) enrollment.Check(Secret, WrongCodeAt(now), now, Policy);
        Assert.Equal(CodeCheck.Accepted, enrollment.Check(Secret, CodeAt(now), now, Policy));

        Assert.Equal(CodeCheck.Rejected, enrollment.Check(Secret, WrongCodeAt(now), now, Policy));
        Assert.False(enrollment.IsLockedAt(now));
    }

    [Fact]
    public void Only_a_secret_never_confirmed_is_replaced()
    {
        var enrollment = TwoFactorEnrollment.Start("c", "u", "first", Start);
        enrollment.ReplaceSecret("second", Start.AddMinutes(1));
        Assert.Equal("second", enrollment.SecretCiphertext);

        enrollment.Confirm(Secret, CodeAt(Start), Start, Policy);
        Assert.Throws<InvalidOperationException>(() => enrollment.ReplaceSecret("third", Start.AddMinutes(2)));
    }

    private static TwoFactorEnrollment Confirmed()
    {
        var enrollment = TwoFactorEnrollment.Start("c", "u", "ciphertext", Start);
        Assert.Equal(CodeCheck.Accepted, enrollment.Confirm(Secret, CodeAt(Start), Start, Policy));
        return enrollment;
    }
}
