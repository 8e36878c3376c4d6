namespace Payouts.BatchService.Domain;

/// <summary>
/// A company user's TOTP second factor (the token's <c>sub</c> within its <c>company_id</c>). Enrolled with a fresh
/// secret, it approves nothing until <see cref="Confirm"/> proves the user's app holds the secret. Every code is taken
/// once (<see cref="LastUsedStep"/>), and repeated failures lock it (<see cref="TwoFactorPolicy"/>).
/// </summary>
public sealed class TwoFactorEnrollment
{
    private TwoFactorEnrollment()
    {
    }

    public string CompanyId { get; private set; } = "";
    public string Subject { get; private set; } = "";

    /// <summary>The secret as the service's <c>FieldEncryptor</c> wrote it; never stored in clear.</summary>
    public string SecretCiphertext { get; private set; } = "";

    public DateTimeOffset EnrolledAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>The time step of the last code taken: that code and every earlier one are refused from then on.</summary>
    public long? LastUsedStep { get; private set; }

    /// <summary>Wrong codes since <see cref="FirstFailureAt"/>, within the policy's window.</summary>
    public int FailedAttempts { get; private set; }
    public DateTimeOffset? FirstFailureAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsConfirmed => ConfirmedAt is not null;

    public static TwoFactorEnrollment Start(string companyId, string subject, string secretCiphertext, DateTimeOffset now) => new()
    {
        CompanyId = companyId,
        Subject = subject,
        SecretCiphertext = secretCiphertext,
        EnrolledAt = now,
    };

    /// <summary>Re-enrolling before confirming: the first secret was perhaps never scanned. A confirmed one is never replaced here.</summary>
    public void ReplaceSecret(string secretCiphertext, DateTimeOffset now)
    {
        if (IsConfirmed) throw new InvalidOperationException("A confirmed second factor is not replaced by enrolling again.");
        SecretCiphertext = secretCiphertext;
        EnrolledAt = now;
        LastUsedStep = null;
    }

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Checks <paramref name="code"/> against the secret; a failure counts towards the lock, a success clears the count.</summary>
    public CodeCheck Check(byte[] secret, string code, DateTimeOffset now, TwoFactorPolicy policy)
    {
        if (IsLockedAt(now)) return CodeCheck.Locked;

        if (Totp.MatchingStep(secret, code, now, LastUsedStep) is not { } step)
        {
            RecordFailure(now, policy);
            return CodeCheck.Rejected;
        }

        LastUsedStep = step;
        FailedAttempts = 0;
        FirstFailureAt = null;
        return CodeCheck.Accepted;
    }

    /// <summary>The first accepted code turns the factor on.</summary>
    public CodeCheck Confirm(byte[] secret, string code, DateTimeOffset now, TwoFactorPolicy policy)
    {
        var check = Check(secret, code, now, policy);
        if (check == CodeCheck.Accepted) ConfirmedAt = now;
        return check;
    }

    private void RecordFailure(DateTimeOffset now, TwoFactorPolicy policy)
    {
        if (FirstFailureAt is null || now - FirstFailureAt >= policy.FailureWindow)
        {
            FirstFailureAt = now;
            FailedAttempts = 0;
        }

        FailedAttempts++;
        if (FailedAttempts < policy.MaxFailures) return;

        LockedUntil = now + policy.Lockout;
        FailedAttempts = 0;
        FirstFailureAt = null;
    }
}
