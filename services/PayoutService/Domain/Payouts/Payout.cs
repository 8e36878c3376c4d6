namespace Payouts.PayoutService.Domain.Payouts;

/// <summary>
/// A payout request and its lifecycle. Transitions are guarded here; callers hold the row lock while they apply one,
/// so two concurrent transitions cannot both start from <see cref="PayoutStatus.Pending"/>.
/// </summary>
public sealed class Payout
{
    public long Id { get; set; }
    public Guid Uuid { get; set; }
    public required string Reference { get; set; }
    /// <summary>The platform user who requested it; <see cref="NoRequestingUser"/> for a bulk batch's payout, which its company's members see.</summary>
    public long UserId { get; set; }

    public const long NoRequestingUser = 0;

    public string? CompanyId { get; set; }

    /// <summary>Drawn on the company's wallet (a business paying a beneficiary) rather than the user's own balance.</summary>
    public bool CompanyWallet { get; set; }

    /// <summary>Which balance the payout draws on, as every family shows it.</summary>
    public string FundedFrom => CompanyWallet ? "company_wallet" : "user_balance";

    public Ledger.WalletOwner Wallet => CompanyWallet
        ? Ledger.WalletOwner.ForCompany(CompanyId ?? throw new InvalidOperationException($"Company payout {Reference} has no company."))
        : Ledger.WalletOwner.ForUser(UserId);

    /// <summary>
    /// Whether <paramref name="userId"/> (of <paramref name="companyId"/>) may see and cancel this payout: the requester, or
    /// any member of the company whose wallet it draws on.
    /// </summary>
    public bool IsVisibleTo(long userId, string? companyId) =>
        UserId == userId || (CompanyWallet && companyId is not null && CompanyId == companyId);
    public decimal Amount { get; set; }
    public decimal Fees { get; set; }
    public decimal NetAmount { get; set; }
    public required string Currency { get; set; }
    public required string Method { get; set; }
    public long? BankAccountId { get; set; }
    public long? BeneficiaryDetailsId { get; set; }
    public string? PaypalEmail { get; set; }
    public string? StripeAccount { get; set; }
    /// <summary>
    /// Set when the destination account is in another currency than the balance: the rate locked at request time and
    /// what the destination gets. The ledger stays in <see cref="Currency"/>.
    /// </summary>
    public string? SettlementCurrency { get; set; }
    public decimal? ExchangeRate { get; set; }
    public decimal? SettlementAmount { get; set; }

    /// <summary>The FX processing fee, in the settlement currency.</summary>
    public decimal? SettlementFee { get; set; }
    public decimal? SettlementNetAmount { get; set; }

    public string Status { get; set; } = PayoutStatus.Pending;
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public string? ProcessedBy { get; set; }
    public string? TransactionReference { get; set; }
    public string? RejectionReason { get; set; }
    public string? FailureReason { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsPending => Status == PayoutStatus.Pending;

    /// <summary>Locks <paramref name="quote"/> on the payout (at request time).</summary>
    public void LockRate(Fx.FxQuote quote)
    {
        SettlementCurrency = quote.SettlementCurrency;
        ExchangeRate = quote.Rate;
        SettlementAmount = quote.SettlementAmount;
        SettlementFee = quote.ProcessingFee;
        SettlementNetAmount = quote.NetSettlementAmount;
    }

    public void Cancel(DateTimeOffset now, string? reason = null)
    {
        if (!IsPending) throw PayoutRuleViolation.CannotBeCancelled();
        Status = PayoutStatus.Cancelled;
        CancelledAt = now;
        if (reason is not null) Notes = reason;
        UpdatedAt = now;
    }

    public void Reject(string reason, string rejectedBy, string? notes, DateTimeOffset now)
    {
        if (!IsPending) throw PayoutRuleViolation.AlreadyProcessed();
        Status = PayoutStatus.Rejected;
        RejectionReason = reason;
        ProcessedBy = rejectedBy;
        ProcessedAt = now;
        Notes = notes ?? Notes;
        UpdatedAt = now;
    }

    /// <summary>Paid outside the platform (the caller has the bank's reference): completes at once.</summary>
    public void CompleteWithReference(string transactionReference, string processedBy, string? notes, DateTimeOffset now)
    {
        if (!IsPending) throw PayoutRuleViolation.AlreadyProcessed();
        Status = PayoutStatus.Completed;
        TransactionReference = transactionReference;
        ProcessedBy = processedBy;
        ProcessedAt = now;
        CompletedAt = now;
        Notes = notes ?? Notes;
        UpdatedAt = now;
    }

    /// <summary>Approved for settlement through the provider; stays held until settlement answers.</summary>
    public void StartProcessing(string processedBy, string? notes, DateTimeOffset now)
    {
        if (!IsPending) throw PayoutRuleViolation.AlreadyProcessed();
        Status = PayoutStatus.Processing;
        ProcessedBy = processedBy;
        ProcessedAt = now;
        Notes = notes ?? Notes;
        UpdatedAt = now;
    }

    /// <summary>Settlement paid it; the provider's transfer id becomes the transaction reference. False when already final.</summary>
    public bool CompleteSettlement(string providerTransferId, DateTimeOffset now)
    {
        if (Status != PayoutStatus.Processing) return false;
        Status = PayoutStatus.Completed;
        TransactionReference = providerTransferId;
        CompletedAt = now;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Settlement could not pay it; the reason is kept. False when already final.</summary>
    public bool FailSettlement(string code, string reason, DateTimeOffset now)
    {
        if (Status != PayoutStatus.Processing) return false;
        Status = PayoutStatus.Failed;
        FailureReason = $"{code}: {reason}";
        UpdatedAt = now;
        return true;
    }
}
