using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payouts.PayoutService.Application;
using Payouts.PayoutService.Data;
using Payouts.PayoutService.Domain;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Domain.Ledger;
using Payouts.PayoutService.Endpoints.Responses;
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
        var account = app.MapGroup("/api/v1/billing").RequireAuthorization();
        account.MapGet("/invoices/", Invoices).Produces<BillingList<InvoiceView>>();
        account.MapGet("/invoices/{id:long}/", Invoice).Produces<InvoiceResponse>();
        account.MapGet("/payments/", Payments).Produces<BillingList<BillingPaymentView>>();
        account.MapGet("/payment-methods/available/", AvailableMethods).Produces<AvailableBillingMethods>();
        account.MapPost("/payments/manual/", ManualPayment).Produces<ManualPaymentSubmitted>(StatusCodes.Status201Created);

        var admin = app.MapGroup("/api/v1/billing/admin").RequireAuthorization(PayoutsPolicies.Admin);
        admin.MapPost("/invoices/", CreateInvoice).Produces<InvoiceResponse>(StatusCodes.Status201Created);
        admin.MapGet("/payments/", AllPayments).Produces<BillingList<BillingPaymentView>>();
        admin.MapPost("/payments/{id:long}/approve/", Approve).Produces<BillingPaymentResponse>();
        admin.MapPost("/payments/{id:long}/decline/", Decline).Produces<BillingPaymentResponse>();
        return app;
    }

    /// <summary>The caller's company, which is the billing account; an error for a caller without one.</summary>
    private static ApiOutcome<string> CompanyOf(HttpContext http) =>
        http.PlatformCaller() is not { } caller ? Caller.Unidentified
        : caller.CompanyId is { } company ? company
        : ApiError.InsufficientPermissions("Billing is available to company accounts only");

    private static async Task<IResult> Invoices(HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company).OrderByDescending(i => i.Id).ToListAsync(ct);
        return ApiJson.Snake(BillingList<InvoiceView>.Of([.. invoices.Select(InvoiceView.Of)]));
    }

    private static async Task<IResult> Invoice(long id, HttpContext http, PayoutsDbContext db, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        var invoice = await db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CompanyId == company, ct);
        return invoice is null ? InvoiceNotFound.ToResult() : ApiJson.Snake(new InvoiceResponse(true, InvoiceView.Of(invoice)));
    }

    private static async Task<IResult> Payments(HttpContext http, PayoutsDbContext db, string? status, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        if (StatusProblem(status) is { } invalid) return invalid.ToResult();
        var payments = await Filter(db.BillingPayments.AsNoTracking().Where(p => p.CompanyId == company), status).OrderByDescending(p => p.Id).ToListAsync(ct);
        return ApiJson.Snake(BillingList<BillingPaymentView>.Of([.. payments.Select(BillingPaymentView.Of)]));
    }

    private static async Task<IResult> AllPayments(PayoutsDbContext db, string? status, CancellationToken ct)
    {
        if (StatusProblem(status) is { } invalid) return invalid.ToResult();
        var payments = await Filter(db.BillingPayments.AsNoTracking(), status).OrderByDescending(p => p.Id).Take(500).ToListAsync(ct);
        return ApiJson.Snake(BillingList<BillingPaymentView>.Of([.. payments.Select(BillingPaymentView.Of)]));
    }

    private static async Task<IResult> AvailableMethods(HttpContext http, PayoutsDbContext db, string? country, CancellationToken ct)
    {
        if (CompanyOf(http).Error is { } notCompany) return notCompany.ToResult();
        var code = (country ?? "").Trim().ToUpperInvariant();
        if (code.Length != 0 && (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
            return ApiError.Validation("country", "The country must be an ISO 3166 two-letter code.").ToResult();
        var methods = await AvailableAsync(db, code, ct);
        return ApiJson.Snake(new AvailableBillingMethods(true, code.Length == 0 ? null : code, methods.Select(AvailableBillingMethod.Of)));
    }

    private static async Task<IResult> ManualPayment(HttpContext http, PayoutsDbContext db, IdempotentOperation idempotent, TimeProvider clock, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var invoiceId = fields.PositiveLong("invoice_id", errors, "invoice_id is required");
        var method = fields.Required("payment_method", errors, "payment_method is required");
        var reference = fields.Text("transaction_reference", 100, errors) ?? fields.Text("reference", 100, errors);
        if (errors.IsEmpty && reference is null) errors.Add("transaction_reference", "transaction_reference is required");
        var notes = fields.Text("notes", 500, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        var country = (fields["country"] ?? "").ToUpperInvariant();
        if (!(await AvailableAsync(db, country, ct)).Any(m => m.Method == method))
            return ApiError.Validation("payment_method", "This payment method is not available for the account").ToResult();

        var response = await idempotent.RunAsync($"company:{company}:manual-payment", http.Request.IdempotencyKey(), fields.Fingerprint(), async () =>
        {
            // Locked so two submissions for one invoice cannot both see it unpaid with nothing pending.
            var invoice = await db.Invoices.FromSql($"SELECT * FROM invoices WHERE id = {invoiceId} AND company_id = {company} FOR UPDATE")
                .AsTracking().SingleOrDefaultAsync(ct);
            if (invoice is null) return InvoiceNotFound;
            if (invoice.Status == InvoiceStatus.Paid) return ApiError.BadRequest("Invoice is already paid");
            if (await db.BillingPayments.AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == BillingPaymentStatus.PendingApproval, ct))
                return ApiError.BadRequest("A payment for this invoice is already pending approval");
            var now = clock.GetUtcNow();
            var payment = new BillingPayment
            {
                CompanyId = company, InvoiceId = invoice.Id, Amount = invoice.Amount, Currency = invoice.Currency, PaymentMethod = method!,
                TransactionReference = reference!, Notes = notes, CreatedAt = now, UpdatedAt = now,
            };
            db.BillingPayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new ManualPaymentSubmitted(true, "Manual payment submitted and pending approval", BillingPaymentView.Of(payment)),
                ApiJson.SnakeCase, StatusCodes.Status201Created);
        }, ct);
        return response.ToResult();
    }

    private static async Task<IResult> CreateInvoice(HttpContext http, PayoutsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var company = fields.Text("company_id", 64, errors, "company_id is required");
        var currency = fields.Currency(errors);
        decimal amount = 0;
        if (errors.IsEmpty && AmountParser.Validate(fields["amount"], currency, out amount) is { } amountError) errors.Add("amount", amountError);
        var description = fields.Text("description", 500, errors) ?? "Platform funding";
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        var now = clock.GetUtcNow();
        var sequence = (await db.Database.SqlQuery<long>($"SELECT nextval('invoice_number_seq') AS \"Value\"").ToListAsync(ct)).Single();
        var invoice = new Invoice
        {
            CompanyId = company!, Number = string.Create(CultureInfo.InvariantCulture, $"INV-{now.Year}-{sequence:D4}"), Amount = amount, Currency = currency,
            Description = description, CreatedAt = now,
        };
        db.Invoices.Add(invoice);
        await db.Database.ExecuteSqlAsync($"INSERT INTO companies (id, created_at) VALUES ({company}, {now}) ON CONFLICT (id) DO NOTHING", ct);
        await db.SaveChangesAsync(ct);
        return ApiJson.Snake(new InvoiceResponse(true, InvoiceView.Of(invoice)), StatusCodes.Status201Created);
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
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var reason = fields.Text("reason", 500, errors, "reason is required");
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        return await Decide(id, http, db, idempotent, clock, "decline", (payment, admin, now) =>
        {
            payment.Decline(reason!, admin, now);
            return Task.CompletedTask;
        }, ct);
    }

    private static async Task<IResult> Decide(long id, HttpContext http, PayoutsDbContext db, IdempotentOperation idempotent, TimeProvider clock, string action,
        Func<BillingPayment, string, DateTimeOffset, Task> decision, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } caller) return Caller.Unidentified.ToResult();
        var admin = caller.Subject;
        var response = await idempotent.RunAsync($"admin:{admin}:billing-{action}:{id}", http.Request.IdempotencyKey(), action, async () =>
        {
            var payment = await db.BillingPayments.FromSql($"SELECT * FROM billing_payments WHERE id = {id} FOR UPDATE").AsTracking().SingleOrDefaultAsync(ct);
            if (payment is null) return ApiError.NotFound("Payment not found");
            if (payment.Status != BillingPaymentStatus.PendingApproval) return ApiError.BadRequest($"Payment is {payment.Status}, not pending approval");
            await decision(payment, admin, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return ApiJson.Response(new BillingPaymentResponse(true, BillingPaymentView.Of(payment)), ApiJson.SnakeCase);
        }, ct);
        return response.ToResult();
    }

    private static ApiError? StatusProblem(string? status) =>
        status is null || BillingPaymentStatus.All.Contains(status)
            ? null
            : ApiError.Validation("status", $"The status must be one of: {string.Join(", ", BillingPaymentStatus.All)}.");

    private static IQueryable<BillingPayment> Filter(IQueryable<BillingPayment> payments, string? status) =>
        status is null ? payments : payments.Where(p => p.Status == status);

    private static readonly ApiError InvoiceNotFound = ApiError.NotFound("Invoice not found");

    private static Task<List<BillingMethodConfig>> AvailableAsync(PayoutsDbContext db, string country, CancellationToken ct) =>
        db.BillingMethodConfigs.AsNoTracking().Where(m => m.Enabled && (m.Country == "*" || m.Country == country)).OrderBy(m => m.Id).ToListAsync(ct);
}
