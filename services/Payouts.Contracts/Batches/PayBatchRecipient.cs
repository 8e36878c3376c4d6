namespace Payouts.Contracts.Batches;

/// <summary>
/// The batch saga asks PayoutService to pay one recipient from the batch's hold. A recipient whose email belongs to a
/// platform user is credited in the ledger at once; any other email becomes a payout on the provider's email rail
/// through settlement. Paid at most once per <see cref="RecipientId"/>, whatever is redelivered. Answered by
/// <see cref="BatchRecipientPaid"/> or <see cref="BatchRecipientFailed"/> once the recipient is terminal.
/// </summary>
public sealed record PayBatchRecipient(
    Guid BatchId,
    Guid RecipientId,
    string CompanyId,
    string Email,
    decimal Amount,
    string Currency,
    string? Memo,
    string BatchReference);

/// <summary>How a recipient was paid.</summary>
public static class BatchRecipientRail
{
    /// <summary>Credited to a platform user's balance in the ledger.</summary>
    public const string PlatformUser = "platform_user";

    /// <summary>Sent through the provider's email rail by settlement.</summary>
    public const string Email = "email";
}

/// <summary>The recipient's money left the batch's hold: credited to a user, or settled by the provider.</summary>
public sealed record BatchRecipientPaid(Guid BatchId, Guid RecipientId, string Rail, Guid? PayoutId, string? TransactionReference, DateTimeOffset PaidAt);

/// <summary>The recipient could not be paid; their share went back from the hold to the wallet's available balance.</summary>
public sealed record BatchRecipientFailed(Guid BatchId, Guid RecipientId, string Reason, DateTimeOffset FailedAt);
