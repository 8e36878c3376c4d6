using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Messaging;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>A manual payment of an invoice, as submitted.</summary>
public sealed record ManualPaymentSubmission(long InvoiceId, string Method, string TransactionReference, string? Notes);

/// <summary>An invoice an admin issues to fund an account's wallet, with the account's billing country when known.</summary>
public sealed record NewInvoice(BillingAccount Account, decimal Amount, string Currency, string Description, string? Country);

/// <summary>
/// Seed 003 billing: an account (a company, or an individual user — <see cref="BillingAccount"/>) funds its wallet by
/// paying invoices manually; an admin approves the payment, which pays the invoice and credits the account's wallet in
/// the ledger, or declines it; either decision publishes its event (<c>ManualPaymentApproved</c> / <c>Declined</c>)
/// through the outbox in the decision's transaction. Which manual methods may pay an invoice follows the invoice's
/// billing country. Actions run under their <c>Idempotency-Key</c>; the endpoint says how the answer is written, so a
/// replay returns the first one.
/// </summary>
public sealed class AccountBilling(PayoutsDbContext db, LedgerStore ledger, IdempotentOperation idempotent, IPublishEndpoint publish, TimeProvider clock)
{
    public static readonly ApiError InvoiceNotFound = ApiError.NotFound("Invoice not found");
    public static readonly ApiError MethodNotAvailable = ApiError.Validation("payment_method", "This payment method is not available for the account");

    public async Task<IReadOnlyList<Invoice>> InvoicesAsync(BillingAccount account, CancellationToken ct) =>
        await Of(db.Invoices.AsNoTracking(), account).OrderByDescending(i => i.Id).ToListAsync(ct);

    public Task<Invoice?> InvoiceAsync(BillingAccount account, long id, CancellationToken ct) =>
        Of(db.Invoices.AsNoTracking(), account).FirstOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The account's wallet per currency, as its funding (approved payments) and spending left it.</summary>
    public Task<IReadOnlyList<WalletBalance>> BalancesAsync(BillingAccount account, CancellationToken ct) =>
        ledger.WalletBalancesAsync(account.Wallet, ct);

    /// <summary>Payments newest first: one account's, or (for admins, <paramref name="account"/> null) the latest 500 of all.</summary>
    public async Task<ApiOutcome<IReadOnlyList<BillingPayment>>> PaymentsAsync(BillingAccount? account, string? status, CancellationToken ct)
    {
        if (status is not null && !BillingPaymentStatus.All.Contains(status))
            return ApiError.Validation("status", $"The status must be one of: {string.Join(", ", BillingPaymentStatus.All)}.");
        var payments = db.BillingPayments.AsNoTracking();
        if (account is { } owner) payments = payments.Where(p => p.AccountType == owner.Type && p.AccountId == owner.Id);
        if (status is not null) payments = payments.Where(p => p.Status == status);
        payments = payments.OrderByDescending(p => p.Id);
        if (account is null) payments = payments.Take(500);
        return await payments.ToListAsync(ct);
    }

    /// <summary>The account's billing country: the one its latest invoice was issued for (empty when none says).</summary>
    public async Task<string> BillingCountryAsync(BillingAccount account, CancellationToken ct) =>
        await Of(db.Invoices.AsNoTracking(), account).Where(i => i.Country != null).OrderByDescending(i => i.Id)
            .Select(i => i.Country).FirstOrDefaultAsync(ct) ?? "";

    /// <summary>The manual methods offered in <paramref name="country"/> (ISO 3166 code, or empty for the ones offered everywhere).</summary>
    public async Task<IReadOnlyList<BillingMethodConfig>> AvailableMethodsAsync(string country, CancellationToken ct) =>
        await db.BillingMethodConfigs.AsNoTracking().Where(m => m.Enabled && (m.Country == "*" || m.Country == country)).OrderBy(m => m.Id).ToListAsync(ct);

    public async Task<ApiOutcome<OperationResponse>> SubmitManualPaymentAsync(BillingAccount account, ManualPaymentSubmission submission, string fingerprint,
        string? idempotencyKey, Func<BillingPayment, OperationResponse> answer, CancellationToken ct) =>
        await idempotent.RunAsync($"{account.Type}:{account.Id}:manual-payment", idempotencyKey, fingerprint, async () =>
        {
            // Locked so two submissions for one invoice cannot both see it unpaid with nothing pending.
            var invoice = await db.Invoices.FromSql(
                    $"SELECT * FROM invoices WHERE id = {submission.InvoiceId} AND account_type = {account.Type} AND account_id = {account.Id} FOR UPDATE")
                .AsTracking().SingleOrDefaultAsync(ct);
            if (invoice is null) return InvoiceNotFound;
            if (!(await AvailableMethodsAsync(invoice.Country ?? "", ct)).Any(m => m.Method == submission.Method)) return MethodNotAvailable;
            if (invoice.Status == InvoiceStatus.Paid) return ApiError.BadRequest("Invoice is already paid");
            if (await db.BillingPayments.AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == BillingPaymentStatus.PendingApproval, ct))
                return ApiError.BadRequest("A payment for this invoice is already pending approval");
            var now = clock.GetUtcNow();
            var payment = new BillingPayment
            {
                AccountType = account.Type, AccountId = account.Id, InvoiceId = invoice.Id, Amount = invoice.Amount, Currency = invoice.Currency,
                PaymentMethod = submission.Method, TransactionReference = submission.TransactionReference, Notes = submission.Notes,
                CreatedAt = now, UpdatedAt = now,
            };
            db.BillingPayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return answer(payment);
        }, ct);

    /// <summary>Issues an invoice; an individual's account must be a platform user's.</summary>
    public async Task<ApiOutcome<Invoice>> CreateInvoiceAsync(NewInvoice entered, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = entered.Account;
        if (account.Type == LedgerOwnerType.User)
        {
            var userId = long.Parse(account.Id, CultureInfo.InvariantCulture);
            if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) return ApiError.Validation("user_id", "user_id does not identify a platform user");
        }

        var sequence = (await db.Database.SqlQuery<long>($"SELECT nextval('invoice_number_seq') AS \"Value\"").ToListAsync(ct)).Single();
        var invoice = new Invoice
        {
            AccountType = account.Type, AccountId = account.Id, Country = entered.Country,
            Number = string.Create(CultureInfo.InvariantCulture, $"INV-{now.Year}-{sequence:D4}"), Amount = entered.Amount,
            Currency = entered.Currency, Description = entered.Description, CreatedAt = now,
        };
        db.Invoices.Add(invoice);
        if (account.Type == LedgerOwnerType.Company)
            await db.Database.ExecuteSqlAsync($"INSERT INTO companies (id, created_at) VALUES ({account.Id}, {now}) ON CONFLICT (id) DO NOTHING", ct);
        await db.SaveChangesAsync(ct);
        return invoice;
    }

    private static IQueryable<Invoice> Of(IQueryable<Invoice> invoices, BillingAccount account) =>
        invoices.Where(i => i.AccountType == account.Type && i.AccountId == account.Id);

    /// <summary>Approves a pending payment: the invoice is paid and the account's wallet credited with its amount.</summary>
    public Task<ApiOutcome<OperationResponse>> ApproveAsync(string admin, long paymentId, string? idempotencyKey, Func<BillingPayment, OperationResponse> answer,
        CancellationToken ct) =>
        DecideAsync(admin, paymentId, "approve", idempotencyKey, async (payment, now) =>
        {
            payment.Approve(admin, now);
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {payment.InvoiceId} FOR UPDATE").AsTracking().SingleAsync(ct);
            invoice.Status = InvoiceStatus.Paid;
            invoice.PaidAt = now;
            await ledger.PostAsync(LedgerPosting.Fund(payment.Account.Wallet, payment.Amount, payment.Currency, invoice.Number), ct);
            // An individual sees the funding in their own activity, like any other credit to their balance.
            if (payment.AccountType == LedgerOwnerType.User)
                db.UserTransactions.Add(new UserTransaction
                {
                    Uuid = Guid.CreateVersion7(), UserId = long.Parse(payment.AccountId, CultureInfo.InvariantCulture), Type = UserTransactionType.Credit,
                    Status = "completed", Amount = payment.Amount, Currency = payment.Currency, Description = $"Invoice {invoice.Number} paid",
                    Reference = invoice.Number, CreatedAt = now,
                });
            await publish.Publish(BillingMessages.Approved(payment, invoice.Number), ct);
        }, answer, ct);

    public Task<ApiOutcome<OperationResponse>> DeclineAsync(string admin, long paymentId, string reason, string? idempotencyKey,
        Func<BillingPayment, OperationResponse> answer, CancellationToken ct) =>
        DecideAsync(admin, paymentId, "decline", idempotencyKey, async (payment, now) =>
        {
            payment.Decline(reason, admin, now);
            var invoiceNumber = await db.Invoices.AsNoTracking().Where(i => i.Id == payment.InvoiceId).Select(i => i.Number).SingleAsync(ct);
            await publish.Publish(BillingMessages.Declined(payment, invoiceNumber), ct);
        }, answer, ct);

    private Task<ApiOutcome<OperationResponse>> DecideAsync(string admin, long paymentId, string action, string? idempotencyKey,
        Func<BillingPayment, DateTimeOffset, Task> decision, Func<BillingPayment, OperationResponse> answer, CancellationToken ct) =>
        idempotent.RunAsync($"admin:{admin}:billing-{action}:{paymentId}", idempotencyKey, action, async () =>
        {
            var payment = await db.BillingPayments.FromSql($"SELECT * FROM billing_payments WHERE id = {paymentId} FOR UPDATE").AsTracking()
                .SingleOrDefaultAsync(ct);
            if (payment is null) return ApiError.NotFound("Payment not found");
            if (payment.Status != BillingPaymentStatus.PendingApproval) return ApiError.BadRequest($"Payment is {payment.Status}, not pending approval");
            await decision(payment, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return answer(payment);
        }, ct);
}
