using Payouts.PayoutService.Application;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// Seed 003 billing for companies (the token's <c>company_id</c> is the account): invoices, payments, available
/// manual methods per country, manual payments pending an admin's approval.
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

    private static async Task<IResult> Invoices(HttpContext http, CompanyBilling billing, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        var invoices = await billing.InvoicesAsync(company, ct);
        return FamilyJson.Result(BillingList<InvoiceView>.Of([.. invoices.Select(InvoiceView.Of)]));
    }

    private static async Task<IResult> Invoice(long id, HttpContext http, CompanyBilling billing, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        return await billing.InvoiceAsync(company, id, ct) is { } invoice
            ? FamilyJson.Result(new InvoiceResponse(true, InvoiceView.Of(invoice)))
            : CompanyBilling.InvoiceNotFound.ToResult();
    }

    private static async Task<IResult> Payments(HttpContext http, CompanyBilling billing, string? status, CancellationToken ct)
    {
        var account = CompanyOf(http);
        if (account.Value is not { } company) return account.Error!.ToResult();
        return PaymentList(await billing.PaymentsAsync(company, status, ct));
    }

    private static async Task<IResult> AllPayments(CompanyBilling billing, string? status, CancellationToken ct) =>
        PaymentList(await billing.PaymentsAsync(null, status, ct));

    private static IResult PaymentList(ApiOutcome<IReadOnlyList<Domain.Billing.BillingPayment>> payments) =>
        payments.Value is { } found
            ? FamilyJson.Result(BillingList<BillingPaymentView>.Of([.. found.Select(BillingPaymentView.Of)]))
            : payments.Error!.ToResult();

    private static async Task<IResult> AvailableMethods(HttpContext http, CompanyBilling billing, string? country, CancellationToken ct)
    {
        if (CompanyOf(http).Error is { } notCompany) return notCompany.ToResult();
        var code = (country ?? "").Trim().ToUpperInvariant();
        if (code.Length != 0 && (code.Length != 2 || !code.All(char.IsAsciiLetterUpper)))
            return ApiError.Validation("country", "The country must be an ISO 3166 two-letter code.").ToResult();
        var methods = await billing.AvailableMethodsAsync(code, ct);
        return FamilyJson.Result(new AvailableBillingMethods(true, code.Length == 0 ? null : code, methods.Select(AvailableBillingMethod.Of)));
    }

    private static async Task<IResult> ManualPayment(HttpContext http, CompanyBilling billing, CancellationToken ct)
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

        var submission = new ManualPaymentSubmission(invoiceId!.Value, method!, reference!, notes, (fields["country"] ?? "").ToUpperInvariant());
        var outcome = await billing.SubmitManualPaymentAsync(company, submission, fields.Fingerprint(), http.Request.IdempotencyKey(),
            payment => ApiJson.Response(new ManualPaymentSubmitted(true, "Manual payment submitted and pending approval", BillingPaymentView.Of(payment)),
                ApiFamily.Billing, StatusCodes.Status201Created), ct);
        return outcome.ToResult();
    }

    private static async Task<IResult> CreateInvoice(HttpContext http, CompanyBilling billing, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var company = fields.Text("company_id", 64, errors, "company_id is required");
        var currency = fields.Currency(errors);
        decimal amount = 0;
        if (errors.IsEmpty && Domain.AmountParser.Validate(fields["amount"], currency, out amount) is { } amountError) errors.Add("amount", amountError);
        var description = fields.Text("description", 500, errors) ?? "Platform funding";
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var invoice = await billing.CreateInvoiceAsync(new NewInvoice(company!, amount, currency, description), ct);
        return FamilyJson.Result(new InvoiceResponse(true, InvoiceView.Of(invoice)), StatusCodes.Status201Created);
    }

    private static async Task<IResult> Approve(long id, HttpContext http, CompanyBilling billing, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } admin) return Caller.Unidentified.ToResult();
        var outcome = await billing.ApproveAsync(admin.Subject, id, http.Request.IdempotencyKey(), Answer, ct);
        return outcome.ToResult();
    }

    private static async Task<IResult> Decline(long id, HttpContext http, CompanyBilling billing, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var reason = fields.Text("reason", 500, errors, "reason is required");
        if (errors.ToError() is { } invalid) return invalid.ToResult();
        if (http.PlatformCaller() is not { } admin) return Caller.Unidentified.ToResult();

        var outcome = await billing.DeclineAsync(admin.Subject, id, reason!, http.Request.IdempotencyKey(), Answer, ct);
        return outcome.ToResult();
    }

    private static OperationResponse Answer(Domain.Billing.BillingPayment payment) =>
        ApiJson.Response(new BillingPaymentResponse(true, BillingPaymentView.Of(payment)), ApiFamily.Billing);
}
