using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Payouts.BatchService.Data;
using Payouts.BatchService.Domain;
using Payouts.BatchService.Security;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.BatchService.Application;

/// <summary>A new secret, shown to the user once: as base32 text and as the URI authenticator apps scan.</summary>
public sealed record NewTwoFactorSecret(string Secret, string OtpAuthUri);

/// <summary>
/// A company user sets up their second factor: enroll (a fresh secret, replacing one never confirmed), then confirm with
/// a first code. Each runs on the user's row locked (<c>FOR UPDATE</c>), so concurrent calls take turns.
/// </summary>
public sealed class TwoFactorEnrollments(BatchesDbContext db, TwoFactorSecrets secrets, IOptions<TwoFactorPolicy> policy, TimeProvider clock)
{
    /// <param name="accountName">What the authenticator app lists the secret under: the user's email, or their id.</param>
    public Task<ApiOutcome<NewTwoFactorSecret>> EnrollAsync(string companyId, string subject, string accountName, CancellationToken ct) =>
        db.ExecuteInTransactionAsync<ApiOutcome<NewTwoFactorSecret>>(async () =>
        {
            db.ChangeTracker.Clear();
            var enrollment = await TwoFactorLocks.LockAsync(db, companyId, subject, ct);
            if (enrollment is { IsConfirmed: true }) return TwoFactorErrors.AlreadyEnabled;

            var secret = Totp.NewSecret();
            var ciphertext = secrets.Protect(companyId, subject, secret);
            var now = clock.GetUtcNow();
            if (enrollment is null) db.TwoFactorEnrollments.Add(TwoFactorEnrollment.Start(companyId, subject, ciphertext, now));
            else enrollment.ReplaceSecret(ciphertext, now);
            await db.SaveChangesAsync(ct);

            var text = Base32.Encode(secret);
            CryptographicOperations.ZeroMemory(secret);
            return new NewTwoFactorSecret(text, OtpAuthUri.For(policy.Value.Issuer, accountName, text));
        }, outcome => outcome.Error is null, ct);

    /// <summary>The first good code turns the factor on; a wrong one counts towards the lock like any other.</summary>
    public Task<ApiError?> ConfirmAsync(string companyId, string subject, string code, CancellationToken ct) =>
        db.ExecuteInTransactionAsync<ApiError?>(async () =>
        {
            db.ChangeTracker.Clear();
            var enrollment = await TwoFactorLocks.LockAsync(db, companyId, subject, ct);
            if (enrollment is null) return TwoFactorErrors.NotEnrolled;
            if (enrollment.IsConfirmed) return TwoFactorErrors.AlreadyEnabled;

            var now = clock.GetUtcNow();
            var check = enrollment.Confirm(secrets.Reveal(enrollment), code, now, policy.Value);
            // A failure is saved too: it counts towards the lock.
            await db.SaveChangesAsync(ct);
            return check switch
            {
                CodeCheck.Accepted => null,
                CodeCheck.Locked => TwoFactorErrors.Locked(enrollment.LockedUntil!.Value, now),
                _ => TwoFactorErrors.InvalidCode,
            };
        }, ct);
}
