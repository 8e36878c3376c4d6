using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Payouts;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints.Responses;

// Seed 000 (app and back-office API) bodies, written by FamilyJson (App).

/// <summary>The conversion locked at request time when the destination account is in another currency.</summary>
public sealed record SettlementConversion(string? Currency, [property: Rate] decimal? ExchangeRate, decimal? Amount, decimal? ProcessingFee, decimal? NetAmount)
{
    public static SettlementConversion? Of(Payout p) => p.SettlementCurrency is null
        ? null
        : new(p.SettlementCurrency, p.ExchangeRate, p.SettlementAmount, p.SettlementFee, p.SettlementNetAmount);
}

/// <summary><c>POST /api/action/payout/</c>.</summary>
public sealed record PayoutRequestAccepted(
    string Status, string Message, long PayoutId, Guid PayoutUuid, string Reference, string EstimatedProcessingTime, decimal Amount, decimal Fees,
    decimal NetAmount, string Currency, string PayoutStatus, SettlementConversion? Settlement)
{
    public static PayoutRequestAccepted Of(Payout payout, PaymentMethod method) =>
        new("success", "Payout request submitted successfully", payout.Id, payout.Uuid, payout.Reference, method.ProcessingTime, payout.Amount,
            payout.Fees, payout.NetAmount, payout.Currency, payout.Status, SettlementConversion.Of(payout));
}

/// <summary>A user's own payout in <c>POST /api/get/payouts/</c>.</summary>
public sealed record OwnPayout(
    long Id, Guid Uuid, long UserId, decimal Amount, string Currency, string Status, string Method, string FundedFrom, OwnPayoutBankAccount? BankAccount,
    string? PaypalEmail, string? StripeAccount, DateTimeOffset RequestedAt, DateTimeOffset? ProcessedAt, DateTimeOffset? CancelledAt, string Reference,
    string? TransactionId, decimal Fees, decimal NetAmount, string? RejectionReason, string? FailureReason, SettlementConversion? Settlement, string? Notes)
{
    public static OwnPayout Of(Payout p, BankAccountView? account) =>
        new(p.Id, p.Uuid, p.UserId, p.Amount, p.Currency, p.Status, p.Method, p.FundedFrom, account is null ? null : OwnPayoutBankAccount.Of(account),
            p.PaypalEmail, p.StripeAccount, p.RequestedAt, p.ProcessedAt, p.CancelledAt, p.Reference, p.TransactionReference, p.Fees, p.NetAmount,
            p.RejectionReason, p.FailureReason, SettlementConversion.Of(p), p.Notes);
}

/// <summary>The destination of a user's own payout, numbers masked (seed 000's payout model).</summary>
public sealed record OwnPayoutBankAccount(long Id, string BankName, string AccountNumber, string RoutingNumber, string AccountHolderName, string AccountType)
{
    public static OwnPayoutBankAccount Of(BankAccountView a) =>
        new(a.Id, a.BankName, a.MaskedAccountNumber, a.MaskedRoutingNumber, a.AccountHolderName, a.AccountType);
}

public sealed record OwnPayoutSummary(decimal TotalEarned, decimal TotalPaid, decimal PendingAmount, string Currency);

public sealed record OwnPayoutList(IEnumerable<OwnPayout> Payouts, int Total, int Page, int Limit, OwnPayoutSummary Summary);

/// <summary>A payout in the back office's <c>POST /api/payouts/all/</c>.</summary>
public sealed record BackOfficePayout(
    long Id, Guid Uuid, long UserId, string? UserName, string? UserEmail, decimal Amount, string Currency, string Status, string Method,
    BackOfficeBankAccount? BankAccount, DateTimeOffset RequestedAt, DateTimeOffset? ProcessedAt, string Reference, string? Notes)
{
    public static BackOfficePayout Of(Payout p, DirectoryUser? user, BankAccountView? account) =>
        new(p.Id, p.Uuid, p.UserId, user?.FullName, user?.Email, p.Amount, p.Currency, p.Status, p.Method,
            account is null ? null : BackOfficeBankAccount.Of(account), p.RequestedAt, p.ProcessedAt, p.Reference, p.Notes);
}

/// <summary>The destination in the back office's list, numbers masked (seed 000's payout model).</summary>
public sealed record BackOfficeBankAccount(string BankName, string AccountNumber, string RoutingNumber, string AccountHolderName)
{
    public static BackOfficeBankAccount Of(BankAccountView a) => new(a.BankName, a.MaskedAccountNumber, a.MaskedRoutingNumber, a.AccountHolderName);
}

public sealed record BackOfficeSummary(decimal TotalAmount, decimal CompletedAmount, decimal PendingAmount, string Currency);

public sealed record BackOfficePayoutList(IEnumerable<BackOfficePayout> Payouts, int Total, int Page, int Limit, BackOfficeSummary Summary);

/// <summary><c>POST /api/payouts/stats/</c>.</summary>
public sealed record PayoutStatistics(
    int TotalPayouts, decimal TotalAmount, decimal AveragePayout, string Currency, IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByMethod);

/// <summary><c>POST /api/payouts/process/</c> while settlement has not answered yet (202).</summary>
public sealed record ProcessingAccepted(string Status, string Message, long PayoutId, DateTimeOffset? ProcessedAt);

/// <summary><c>POST /api/payouts/process/</c> when settlement failed the payout.</summary>
public sealed record ProcessingFailed(string Status, string Message, long PayoutId, string? FailureReason);

/// <summary><c>POST /api/payouts/process/</c> when the payout is paid.</summary>
public sealed record ProcessingCompleted(string Status, string Message, DateTimeOffset? ProcessedAt, string? TransactionId);

/// <summary><c>POST /api/user/balance/</c>.</summary>
public sealed record UserBalanceView(
    long UserId, decimal AvailableBalance, decimal PendingBalance, decimal TotalEarned, decimal TotalPaid, string Currency, decimal MinimumPayout,
    DateTimeOffset LastUpdated)
{
    public static UserBalanceView Of(DirectoryUser user, UserBalance balance, string currency) =>
        new(user.Id, balance.Available, balance.Held, balance.Earned, balance.Paid, currency, user.MinimumPayout, balance.LastUpdated ?? user.CreatedAt);
}

/// <summary>One entry of <c>GET /api/user/transactions/</c>.</summary>
public sealed record UserTransactionView(
    long Id, Guid Uuid, string Type, string Status, decimal Amount, string Currency, string Description, string? Reference, long? PayoutId,
    string? CompanyId, DateTimeOffset CreatedAt)
{
    public static UserTransactionView Of(UserTransaction t) =>
        new(t.Id, t.Uuid, t.Type, t.Status, t.Amount, t.Currency, t.Description, t.Reference, t.PayoutId, t.CompanyId, t.CreatedAt);
}

public sealed record UserTransactionList(IEnumerable<UserTransactionView> Transactions, int Total, int Page, int Limit);

/// <summary>One method of <c>POST /api/payment-methods/</c>; seed 000's <c>fees</c> is the percentage, the fixed part beside it.</summary>
public sealed record PaymentMethodView(
    string Id, string Name, string Description, string ProcessingTime, decimal MinimumAmount, decimal MaximumAmount, [property: Rate] decimal Fees, decimal FixedFee,
    [property: Rate] decimal PercentageFee)
{
    public static PaymentMethodView Of(PaymentMethod m) =>
        new(m.Id, m.Name, m.Description, m.ProcessingTime, m.MinimumAmount, m.MaximumAmount, m.PercentageFee, m.FixedFee, m.PercentageFee);
}

public sealed record PaymentMethodList(IEnumerable<PaymentMethodView> PaymentMethods);
