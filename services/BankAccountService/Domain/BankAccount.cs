using System.Security.Cryptography;
using System.Text;
using Payouts.Data;

namespace Payouts.BankAccountService.Domain;

/// <summary>
/// A user's bank account (seed 000). Numbers are held encrypted (ciphertexts written by the service's protector) and as
/// visible tails for masking; the micro-deposit amounts only as a keyed hash.
/// </summary>
public sealed class BankAccount
{
    public const int MaxVerificationAttempts = 3;
    public const int MaxFailureCodeLength = 100;
    public const string AccountNumberPurpose = "bank_account.account_number";
    public const string RoutingNumberPurpose = "bank_account.routing_number";

    private BankAccount()
    {
    }

    public long Id { get; private set; }
    public Guid Uuid { get; private set; }
    public string UserId { get; private set; } = "";
    public string? CompanyId { get; private set; }
    public string BankName { get; private set; } = "";
    public string AccountHolderName { get; private set; } = "";
    public string AccountType { get; private set; } = "";
    public EncryptedDestination Destination { get; private set; } = null!;

    /// <summary>Keyed hash of the destination, unique per user among live accounts.</summary>
    public string Fingerprint { get; private set; } = "";

    public bool IsPrimary { get; private set; }
    public string VerificationStatus { get; private set; } = Domain.VerificationStatus.Pending;
    public Guid VerificationId { get; private set; }
    public string MicroDepositsHash { get; private set; } = "";
    public int FailedVerificationAttempts { get; private set; }

    /// <summary>Which round of micro-deposits the current verification is (1 for the first).</summary>
    public int VerificationRound { get; private set; } = 1;

    /// <summary>When settlement reported the current verification's deposits paid; null until then.</summary>
    public DateTimeOffset? MicroDepositsSentAt { get; private set; }

    /// <summary>Settlement's failure code when it could not pay the current verification's deposits.</summary>
    public string? MicroDepositsFailureCode { get; private set; }

    /// <summary>The end of the window to confirm the amounts: <see cref="MicroDepositsSentAt"/> plus the configured days; null until sent.</summary>
    public DateTimeOffset? VerificationExpiresAt { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    public bool Verified => VerificationStatus == Domain.VerificationStatus.Verified;
    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Only a live, verified account receives money.</summary>
    public bool IsPayable => !IsDeleted && Verified;

    public static BankAccount Open(
        string userId, string? companyId, string bankName, string accountHolderName, string accountType,
        BankDestination destination, string accountNumberCiphertext, string? routingNumberCiphertext, string fingerprint,
        Guid verificationId, string microDepositsHash, DateTimeOffset now, int verificationRound = 1) => new()
    {
        VerificationRound = verificationRound,
        Uuid = Guid.CreateVersion7(now),
        UserId = userId,
        CompanyId = companyId,
        BankName = bankName,
        AccountHolderName = accountHolderName,
        AccountType = accountType,
        Destination = EncryptedDestination.Of(destination, accountNumberCiphertext, routingNumberCiphertext),
        Fingerprint = fingerprint,
        VerificationId = verificationId,
        MicroDepositsHash = microDepositsHash,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// Rounds of micro-deposits the same destination already had under the user's earlier accounts (deleted, or being
    /// replaced): deleting and re-adding an account continues its count instead of starting a fresh one. An account
    /// that was verified proved ownership, so its rounds are not held against the holder.
    /// </summary>
    public static int RoundsSpentOn(IEnumerable<BankAccount> earlierAccountsOfSameDestination) =>
        earlierAccountsOfSameDestination.Where(a => a.VerifiedAt is null).Sum(a => a.VerificationRound);

    public void MakePrimary(DateTimeOffset now)
    {
        IsPrimary = true;
        UpdatedAt = now;
    }

    public void Demote(DateTimeOffset now)
    {
        IsPrimary = false;
        UpdatedAt = now;
    }

    /// <summary>Soft delete: the row stays for history and audit, but the account is never paid to again.</summary>
    public void Delete(DateTimeOffset now)
    {
        DeletedAt = now;
        IsPrimary = false;
        UpdatedAt = now;
    }

    public void Rename(string bankName, string accountHolderName, string accountType, DateTimeOffset now)
    {
        BankName = bankName;
        AccountHolderName = accountHolderName;
        AccountType = accountType;
        UpdatedAt = now;
    }

    /// <summary>
    /// One attempt with the keyed hash of the submitted amounts. Wrong tries count towards the lock even when the
    /// caller does not save a success; expiry is checked before the amounts so a late right answer does not verify.
    /// Before settlement reports the deposits sent there is no window yet: amounts the user already sees still verify.
    /// </summary>
    public VerificationOutcome Verify(string submittedHash, DateTimeOffset now)
    {
        if (Verified) return VerificationOutcome.AlreadyVerified;
        if (VerificationStatus == Domain.VerificationStatus.Failed) return VerificationOutcome.Locked;
        if (VerificationStatus == Domain.VerificationStatus.Expired) return VerificationOutcome.Expired;
        if (VerificationStatus == Domain.VerificationStatus.DepositsFailed) return VerificationOutcome.DepositsFailed;

        UpdatedAt = now;
        if (VerificationExpiresAt is { } expiresAt && now >= expiresAt)
        {
            VerificationStatus = Domain.VerificationStatus.Expired;
            return VerificationOutcome.Expired;
        }

        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(submittedHash), Encoding.ASCII.GetBytes(MicroDepositsHash)))
        {
            VerificationStatus = Domain.VerificationStatus.Verified;
            VerifiedAt = now;
            return VerificationOutcome.Verified;
        }

        FailedVerificationAttempts++;
        if (FailedVerificationAttempts >= MaxVerificationAttempts)
        {
            VerificationStatus = Domain.VerificationStatus.Failed;
            return VerificationOutcome.Locked;
        }

        return VerificationOutcome.WrongAmounts;
    }

    public int RemainingVerificationAttempts => Math.Max(0, MaxVerificationAttempts - FailedVerificationAttempts);

    /// <summary>Locked after wrong tries or expired: this round of deposits can no longer verify the account.</summary>
    public bool VerificationFailedForGood =>
        VerificationStatus is Domain.VerificationStatus.Failed or Domain.VerificationStatus.Expired;

    /// <summary>Whether submitting the account again would get a new round of deposits (see <see cref="RestartVerification"/>).</summary>
    public bool MayRestartVerification(int maxRounds) => !IsDeleted && VerificationRound < maxRounds;

    /// <summary>Settlement paid the deposits of <paramref name="verificationId"/>: the window to confirm them starts at <paramref name="sentAt"/>.</summary>
    public DepositReport RecordDepositsSent(Guid verificationId, DateTimeOffset sentAt, TimeSpan window, DateTimeOffset now)
    {
        if (IsDeleted || verificationId != VerificationId) return DepositReport.Stale;
        if (VerificationStatus != Domain.VerificationStatus.Pending || MicroDepositsSentAt is not null) return DepositReport.NotApplicable;

        MicroDepositsSentAt = StoredTime.Of(sentAt);
        VerificationExpiresAt = MicroDepositsSentAt + window;
        UpdatedAt = now;
        return DepositReport.Recorded;
    }

    /// <summary>Settlement could not pay the deposits of <paramref name="verificationId"/>: nothing can be confirmed until new ones are sent.</summary>
    public DepositReport RecordDepositsFailed(Guid verificationId, string code, DateTimeOffset now)
    {
        if (IsDeleted || verificationId != VerificationId) return DepositReport.Stale;
        if (VerificationStatus != Domain.VerificationStatus.Pending) return DepositReport.NotApplicable;

        VerificationStatus = Domain.VerificationStatus.DepositsFailed;
        MicroDepositsFailureCode = code.Length <= MaxFailureCodeLength ? code : code[..MaxFailureCodeLength];
        UpdatedAt = now;
        return DepositReport.Recorded;
    }

    /// <summary>
    /// A new round of micro-deposits for an account whose verification cannot succeed any more (deposits failed,
    /// locked after wrong tries, expired): new verification id and amounts, tries and window reset.
    /// </summary>
    public RestartOutcome RestartVerification(Guid verificationId, string microDepositsHash, int maxRounds, DateTimeOffset now)
    {
        if (IsDeleted || VerificationStatus is not (Domain.VerificationStatus.DepositsFailed or Domain.VerificationStatus.Failed or Domain.VerificationStatus.Expired))
        {
            return RestartOutcome.NotRestartable;
        }

        if (VerificationRound >= maxRounds) return RestartOutcome.RoundsExhausted;

        VerificationRound++;
        VerificationId = verificationId;
        MicroDepositsHash = microDepositsHash;
        VerificationStatus = Domain.VerificationStatus.Pending;
        FailedVerificationAttempts = 0;
        MicroDepositsSentAt = null;
        MicroDepositsFailureCode = null;
        VerificationExpiresAt = null;
        UpdatedAt = now;
        return RestartOutcome.Restarted;
    }
}
