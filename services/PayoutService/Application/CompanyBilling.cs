using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.ServiceDefaults.ApiErrors;

namespace Payouts.PayoutService.Application;

/// <summary>A company's manual payment of an invoice, as submitted.</summary>
public sealed record ManualPaymentSubmission(long InvoiceId, string Method, string TransactionReference, string? Notes, string Country);

/// <summary>An invoice an admin issues to fund a company's wallet.</summary>
public sealed record NewInvoice(string CompanyId, decimal Amount, string Currency, string Description);

/// <summary>
/// Seed 003 billing: a company (the billing account) funds its wallet by paying invoices manually; an admin approves the
/// payment, which pays the invoice and credits the company wallet in the ledger, or declines it. Actions run under their
/// <c>Idempotency-Key</c>; the endpoint says how the answer is written, so a replay returns the first one.
/// </summary>
public sealed class CompanyBilling(PayoutsDbContext db, LedgerStore ledger, IdempotentOperation idempotent, TimeProvider clock)
{
    public static readonly ApiError InvoiceNotFound = ApiError.NotFound("Invoice not found");

    public async Task<IReadOnlyList<Invoice>> InvoicesAsync(string companyId, CancellationToken ct) =>
        await db.Invoices.AsNoTracking().Where(i => i.CompanyId == companyId).OrderByDescending(i => i.Id).ToListAsync(ct);

    public Task<Invoice?> InvoiceAsync(string companyId, long id, CancellationToken ct) =>
        db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CompanyId == companyId, ct);

    /// <summary>Payments newest first: one company's, or (for admins, <paramref name="companyId"/> null) the latest 500 of all.</summary>
    public async Task<ApiOutcome<IReadOnlyList<BillingPayment>>> PaymentsAsync(string? companyId, string? status, CancellationToken ct)
    {
        if (status is not null && !BillingPaymentStatus.All.Contains(status))
            return ApiError.Validation("status", $"The status must be one of: {string.Join(", ", BillingPaymentStatus.All)}.");
        var payments = db.BillingPayments.AsNoTracking();
        if (companyId is not null) payments = payments.Where(p => p.CompanyId == companyId);
        if (status is not null) payments = payments.Where(p => p.Status == status);
        payments = payments.OrderByDescending(p => p.Id);
        if (companyId is null) payments = payments.Take(500);
        return await payments.ToListAsync(ct);
    }

    /// <summary>The manual methods offered in <paramref name="country"/> (ISO 3166 code, or empty for the ones offered everywhere).</summary>
    public async Task<IReadOnlyList<BillingMethodConfig>> AvailableMethodsAsync(string country, CancellationToken ct) =>
        await db.BillingMethodConfigs.AsNoTracking().Where(m => m.Enabled && (m.Country == "*" || m.Country == country)).OrderBy(m => m.Id).ToListAsync(ct);

    public async Task<ApiOutcome<OperationResponse>> SubmitManualPaymentAsync(string companyId, ManualPaymentSubmission submission, string fingerprint,
        string? idempotencyKey, Func<BillingPayment, OperationResponse> answer, CancellationToken ct)
    {
        if (!(await AvailableMethodsAsync(submission.Country, ct)).Any(m => m.Method == submission.Method))
            return ApiError.Validation("payment_method", "This payment method is not available for the account");

        return await idempotent.RunAsync($"company:{companyId}:manual-payment", idempotencyKey, fingerprint, async () =>
        {
            // Locked so two submissions for one invoice cannot both see it unpaid with nothing pending.
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {submission.InvoiceId} AND company_id = {companyId} FOR UPDATE")
                .AsTracking().SingleOrDefaultAsync(ct);
            if (invoice is null) return InvoiceNotFound;
            if (invoice.Status == InvoiceStatus.Paid) return ApiError.BadRequest("Invoice is already paid");
            if (await db.BillingPayments.AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == BillingPaymentStatus.PendingApproval, ct))
                return ApiError.BadRequest("A payment for this invoice is already pending approval");
            var now = clock.GetUtcNow();
            var payment = new BillingPayment
            {
                CompanyId = companyId, InvoiceId = invoice.Id, Amount = invoice.Amount, Currency = invoice.Currency, PaymentMethod = submission.Method,
                TransactionReference = submission.TransactionReference, Notes = submission.Notes, CreatedAt = now, UpdatedAt = now,
            };
            db.BillingPayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return answer(payment);
        }, ct);
    }

    public async Task<Invoice> CreateInvoiceAsync(NewInvoice entered, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var sequence = (await db.Database.SqlQuery<long>($"SELECT nextval('invoice_number_seq') AS \"Value\"").ToListAsync(ct)).Single();
        var invoice = new Invoice
        {
            CompanyId = entered.CompanyId, Number = string.Create(CultureInfo.InvariantCulture, $"INV-{now.Year}-{sequence:D4}"), Amount = entered.Amount,
            Currency = entered.Currency, Description = entered.Description, CreatedAt = now,
        };
        db.Invoices.Add(invoice);
        await db.Database.ExecuteSqlAsync($"INSERT INTO companies (id, created_at) VALUES ({entered.CompanyId}, {now}) ON CONFLICT (id) DO NOTHING", ct);
        await db.SaveChangesAsync(ct);
        return invoice;
    }

    /// <summary>Approves a pending payment: the invoice is paid and the company wallet credited with its amount.</summary>
    public Task<ApiOutcome<OperationResponse>> ApproveAsync(string admin, long paymentId, string? idempotencyKey, Func<BillingPayment, OperationResponse> answer,
        CancellationToken ct) =>
        DecideAsync(admin, paymentId, "approve", idempotencyKey, async (payment, now) =>
        {
            payment.Approve(admin, now);
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {payment.InvoiceId} FOR UPDATE").AsTracking().SingleAsync(ct);
            invoice.Status = InvoiceStatus.Paid;
            invoice.PaidAt = now;
            await ledger.PostAsync(LedgerPosting.CreditCompany(payment.CompanyId, payment.Amount, payment.Currency, invoice.Number), ct);
        }, answer, ct);

    public Task<ApiOutcome<OperationResponse>> DeclineAsync(string admin, long paymentId, string reason, string? idempotencyKey,
        Func<BillingPayment, OperationResponse> answer, CancellationToken ct) =>
        DecideAsync(admin, paymentId, "decline", idempotencyKey, (payment, now) =>
        {
            payment.Decline(reason, admin, now);
            return Task.CompletedTask;
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
