using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// Seed 003 billing for companies (the token's <c>company_id</c> is the account): invoices, payments, available
/// manual methods per country, manual payments pending an admin's approval, which pays the invoice and credits the
/// company wallet in the ledger.
/// </summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/billing").RequireAuthorization().AddEndpointFilter<ApiErrorFilter>();
        account.MapGet("/invoices/", Invoices);
        account.MapGet("/invoices/{id:long}/", Invoice);
        account.MapGet("/payments/", Payments);
        account.MapGet("/payment-methods/available/", AvailableMethods);
        account.MapPost("/payments/manual/", ManualPayment);

        var admin = app.MapGroup("/api/v1/billing/admin").RequireAuthorization(PayoutsPolicies.Admin).AddEndpointFilter<ApiErrorFilter>();
        admin.MapPost("/invoices/", CreateInvoice);
        admin.MapGet("/payments/", AllPayments);
        admin.MapPost("/payments/{id:long}/approve/", Approve);
        admin.MapPost("/payments/{id:long}/decline/", Decline);
        return app;
    }

    private static string CompanyOf(HttpContext http) =>
        http.RequireCaller().CompanyId ?? throw new ApiErrorException(ApiError.InsufficientPermissions("Billing is available to company accounts only"));

    private static async Task<IResult> Invoices(HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var company = CompanyOf(http);
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company).OrderByDescending(i => i.Id).ToListAsync(ct);
        return ApiJson.Snake(new { success = true, count = invoices.Count, results = invoices.Select(InvoiceView) });
    }

    private static async Task<IResult> Invoice(long id, HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var company = CompanyOf(http);
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CompanyId == company, ct)
            ?? throw new ApiErrorException(ApiError.NotFound("Invoice not found"));
        return ApiJson.Snake(new { success = true, invoice = InvoiceView(invoice) });
    }

    private static async Task<IResult> Payments(HttpContext http, PayoutsDbContext db, string? status, CancellationToken ct)
    {
        var company = CompanyOf(http);
        var payments = await Filter(db.BillingPayments.AsNoTracking().Where(p => p.CompanyId == company), status).OrderByDescending(p => p.Id).ToListAsync(ct);
        return ApiJson.Snake(new { success = true, count = payments.Count, results = payments.Select(PaymentView) });
    }

    private static async Task<IResult> AllPayments(PayoutsDbContext db, string? status, CancellationToken ct)
    {
        var payments = await Filter(db.BillingPayments.AsNoTracking(), status).OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
        return ApiJson.Snake(new { success = true, count = payments.Count, results = payments.Select(PaymentView) });
    }

    private static async Task<IResult> AvailableMethods(HttpContext http, PayoutsDbContext db, string? country, CancellationToken ct)
    {
        CompanyOf(http);
        var code = (country ?? "").Trim().ToUpperInvariant();
        if (code.Length != 0 && (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
            throw new ApiErrorException(ApiError.Validation("country", "The country must be an ISO 3166 two-letter code."));
        var methods = await AvailableAsync(db, code, ct);
        return ApiJson.Snake(new
        {
            success = true,
            country = code.Length == 0 ? null : code,
            methods = methods.Select(m => new { id = m.Method, name = m.Name, instructions = m.Instructions, country = m.Country }),
        });
    }

    private static async Task<IResult> ManualPayment(HttpContext http, PayoutsDbContext db, IdempotentOperation idempotent, TimeProvider clock, CancellationToken ct)
    {
        var company = CompanyOf(http);
        var fields = await http.Request.ReadFieldsAsync(ct);
        var invoiceId = fields.PositiveLong("invoice_id") ?? throw new ApiErrorException(ApiError.Validation("invoice_id", "invoice_id is required"));
        var method = fields["payment_method"] ?? throw new ApiErrorException(ApiError.Validation("payment_method", "payment_method is required"));
        var reference = fields.Text("transaction_reference", 100) ?? fields.Text("reference", 100)
            ?? throw new ApiErrorException(ApiError.Validation("transaction_reference", "transaction_reference is required"));
        var notes = fields.Text("notes", 500);
        var country = (fields["country"] ?? "").ToUpperInvariant();
        if (!(await AvailableAsync(db, country, ct)).Any(m => m.Method == method))
            throw new ApiErrorException(ApiError.Validation("payment_method", "This payment method is not available for the account"));

        var response = await idempotent.RunAsync($"company:{company}:manual-payment", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            // Locked so two submissions for one invoice cannot both see it unpaid with nothing pending.
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {invoiceId} AND company_id = {company} FOR UPDATE")
                .AsTracking().SingleOrDefaultAsync(ct) ?? throw new ApiErrorException(ApiError.NotFound("Invoice not found"));
            if (invoice.Status == InvoiceStatus.Paid)
                throw new ApiErrorException(ApiError.BadRequest("Invoice is already paid"));
            if (await db.BillingPayments.AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == BillingPaymentStatus.PendingApproval, ct))
                throw new ApiErrorException(ApiError.BadRequest("A payment for this invoice is already pending approval"));
            var now = clock.GetUtcNow();
            var payment = new BillingPayment
            {
                CompanyId = company, InvoiceId = invoice.Id, Amount = invoice.Amount, Currency = invoice.Currency, PaymentMethod = method,
                TransactionReference = reference, Notes = notes, CreatedAt = now, UpdatedAt = now,
            };
            db.BillingPayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new
            {
                success = true,
                message = "Manual payment submitted and pending approval",
                payment = PaymentView(payment),
            }, ApiJson.SnakeCase, StatusCodes.Status201Created);
        }, ct);
        return response.ToResult();
    }

    private static async Task<IResult> CreateInvoice(HttpContext http, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var company = fields.Text("company_id", 64) ?? throw new ApiErrorException(ApiError.Validation("company_id", "company_id is required"));
        if (!Currencies.TryNormalize(fields["currency"] ?? Currencies.Default, out var currency))
            throw new ApiErrorException(ApiError.Validation("currency", "The currency must be a supported ISO 4217 code."));
        if (AmountParser.Validate(fields["amount"], currency, out var amount) is { } amountError)
            throw new ApiErrorException(ApiError.Validation("amount", amountError));
        var now = clock.GetUtcNow();
        var sequence = (await db.Database.SqlQuery<long>($"SELECT nextval('invoice_number_seq') AS \"Value\"").ToListAsync(ct)).Single();
        var invoice = new Invoice
        {
            CompanyId = company, Number = string.Create(CultureInfo.InvariantCulture, $"INV-{now.Year}-{sequence:D4}"), Amount = amount, Currency = currency,
            Description = fields.Text("description", 500) ?? "Platform funding", CreatedAt = now,
        };
        db.Invoices.Add(invoice);
        await db.Database.ExecuteSqlAsync($"INSERT INTO companies (id, created_at) VALUES ({company}, {now}) ON CONFLICT (id) DO NOTHING", ct);
        await db.SaveChangesAsync(ct);
        return ApiJson.Snake(new { success = true, invoice = InvoiceView(invoice) }, StatusCodes.Status201Created);
    }

    private static Task<IResult> Approve(long id, HttpContext http, PayoutsDbContext db, LedgerStore ledger, IdempotentOperation idempotent,
        TimeProvider clock, CancellationToken ct) =>
        Decide(id, http, db, idempotent, clock, "approve", async (payment, admin, now) =>
        {
            payment.Approve(admin, now);
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {payment.InvoiceId} FOR UPDATE").AsTracking().SingleAsync(ct);
            invoice.Status = InvoiceStatus.Paid;
            invoice.PaidAt = now;
            await ledger.PostAsync(LedgerPosting.CreditCompany(payment.CompanyId, payment.Amount, payment.Currency, invoice.Number), ct);
        }, ct);

    private static async Task<IResult> Decline(long id, HttpContext http, PayoutsDbContext db, IdempotentOperation idempotent, TimeProvider clock, CancellationToken ct)
    {
        var fields = await http.Request.ReadFieldsAsync(ct);
        var reason = fields.Text("reason", 500) ?? throw new ApiErrorException(ApiError.Validation("reason", "reason is required"));
        return await Decide(id, http, db, idempotent, clock, "decline", (payment, admin, now) =>
        {
            payment.Decline(reason, admin, now);
            return Task.CompletedTask;
        }, ct);
    }

    private static async Task<IResult> Decide(long id, HttpContext http, PayoutsDbContext db, IdempotentOperation idempotent, TimeProvider clock, string action,
        Func<BillingPayment, string, DateTimeOffset, Task> decision, CancellationToken ct)
    {
        var admin = http.RequireCaller().Subject;
        var response = await idempotent.RunAsync($"admin:{admin}:billing-{action}:{id}", http.Request.IdempotencyKey(), action, async () =>
        {
            var payment = await db.BillingPayments.FromSql($"SELECT * FROM billing_payments WHERE id = {id} FOR UPDATE").AsTracking().SingleOrDefaultAsync(ct)
                ?? throw new ApiErrorException(ApiError.NotFound("Payment not found"));
            if (payment.Status != BillingPaymentStatus.PendingApproval)
                throw new ApiErrorException(ApiError.BadRequest($"Payment is {payment.Status}, not pending approval"));
            await decision(payment, admin, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new { success = true, payment = PaymentView(payment) }, ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }

    private static IQueryable<BillingPayment> Filter(IQueryable<BillingPayment> payments, string? status)
    {
        if (status is null) return payments;
        if (!BillingPaymentStatus.All.Contains(status))
            throw new ApiErrorException(ApiError.Validation("status", $"The status must be one of: {string.Join(", ", BillingPaymentStatus.All)}."));
        return payments.Where(p => p.Status == status);
    }

    private static Task<List<BillingMethodConfig>> AvailableAsync(PayoutsDbContext db, string country, CancellationToken ct) =>
        db.BillingMethodConfigs.AsNoTracking().Where(m => m.Enabled && (m.Country == "*" || m.Country == country)).OrderBy(m => m.Id).ToListAsync(ct);

    private static object InvoiceView(Invoice i) => new
    {
        id = i.Id, invoice_number = i.Number, amount = i.Amount, currency = i.Currency, description = i.Description, status = i.Status,
        created_at = i.CreatedAt, paid_at = i.PaidAt,
    };

    private static object PaymentView(BillingPayment p) => new
    {
        id = p.Id, invoice_id = p.InvoiceId, amount = p.Amount, currency = p.Currency, payment_method = p.PaymentMethod, status = p.Status,
        transaction_reference = p.TransactionReference, failure_reason = p.FailureReason, notes = p.Notes, created_at = p.CreatedAt, updated_at = p.UpdatedAt,
    };
}
