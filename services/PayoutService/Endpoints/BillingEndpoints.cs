using Payouts.PayoutService.Application;
using Payouts.PayoutService.Domain.Billing;
using Payouts.PayoutService.Endpoints.Responses;
using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.Authentication;
using Payouts.ServiceDefaults.Http;
using Payouts.ServiceDefaults.Json;

namespace Payouts.PayoutService.Endpoints;

/// <summary>
/// Seed 003 billing for the caller's account (the token's <c>company_id</c>, or an individual user's own account):
/// its wallet's balance, invoices, payments, the manual methods its billing country offers, manual payments pending an admin's approval.
/// </summary>
public static class BillingEndpoints
{
    public static IEndpointRouteBuilder MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/billing").RequireAuthorization();
        account.MapGet("/balance/", Balance).Produces<BillingBalance>();
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

    /// <summary>The caller's billing account: their company, or as an individual their own; an error for a caller who is neither.</summary>
    private static ApiOutcome<BillingAccount> AccountOf(HttpContext http) =>
        http.PlatformCaller() is not { } caller ? Caller.Unidentified
        : caller.CompanyId is { } company ? BillingAccount.ForCompany(company)
        : caller.UserId is { } user ? BillingAccount.ForUser(user)
        : Caller.Unidentified;

    private static async Task<IResult> Balance(HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        var balances = await billing.BalancesAsync(account, ct);
        return FamilyJson.Result(new BillingBalance(true, account.Type, account.Id, [.. balances.Select(WalletBalanceView.Of)]));
    }

    private static async Task<IResult> Invoices(HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        var invoices = await billing.InvoicesAsync(account, ct);
        return FamilyJson.Result(BillingList<InvoiceView>.Of([.. invoices.Select(InvoiceView.Of)]));
    }

    private static async Task<IResult> Invoice(long id, HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        return await billing.InvoiceAsync(account, id, ct) is { } invoice
            ? FamilyJson.Result(new InvoiceResponse(true, InvoiceView.Of(invoice)))
            : AccountBilling.InvoiceNotFound.ToResult();
    }

    private static async Task<IResult> Payments(HttpContext http, AccountBilling billing, string? status, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        return PaymentList(await billing.PaymentsAsync(account, status, ct));
    }

    private static async Task<IResult> AllPayments(AccountBilling billing, string? status, CancellationToken ct) =>
        PaymentList(await billing.PaymentsAsync(null, status, ct));

    private static IResult PaymentList(ApiOutcome<IReadOnlyList<Domain.Billing.BillingPayment>> payments) =>
        payments.Value is { } found
            ? FamilyJson.Result(BillingList<BillingPaymentView>.Of([.. found.Select(BillingPaymentView.Of)]))
            : payments.Error!.ToResult();

    private static async Task<IResult> AvailableMethods(HttpContext http, AccountBilling billing, string? country, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        // Without ?country= the account's own billing country decides (seed 003: per account/country configuration).
        var code = country is null ? await billing.BillingCountryAsync(account, ct) : country.Trim().ToUpperInvariant();
        if (code.Length != 0 && !IsCountryCode(code)) return InvalidCountry.ToResult();
        var methods = await billing.AvailableMethodsAsync(code, ct);
        return FamilyJson.Result(new AvailableBillingMethods(true, code.Length == 0 ? null : code, methods.Select(AvailableBillingMethod.Of)));
    }

    private static async Task<IResult> ManualPayment(HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        var caller = AccountOf(http);
        if (caller.Value is not { } account) return caller.Error!.ToResult();
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var invoiceId = fields.PositiveLong("invoice_id", errors, "invoice_id is required");
        var method = fields.Required("payment_method", errors, "payment_method is required");
        var reference = fields.Text("transaction_reference", 100, errors) ?? fields.Text("reference", 100, errors);
        if (errors.IsEmpty && reference is null) errors.Add("transaction_reference", "transaction_reference is required");
        var notes = fields.Text("notes", 500, errors);
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var submission = new ManualPaymentSubmission(invoiceId!.Value, method!, reference!, notes);
        var outcome = await billing.SubmitManualPaymentAsync(account, submission, fields.Fingerprint(), http.Request.IdempotencyKey(),
            payment => ApiJson.Response(new ManualPaymentSubmitted(true, "Manual payment submitted and pending approval", BillingPaymentView.Of(payment)),
                ApiFamily.Billing, StatusCodes.Status201Created), ct);
        return outcome.ToResult();
    }

    private static async Task<IResult> CreateInvoice(HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        var (fields, bodyError) = await http.Request.ReadFieldsAsync(ct);
        if (fields is null) return bodyError!.ToResult();
        var errors = new FieldErrors();
        var company = fields.Text("company_id", 64, errors);
        var user = fields.PositiveLong("user_id", errors);
        if (errors.IsEmpty && (company is null) == (user is null)) errors.Add("company_id", "Either company_id or user_id is required, not both");
        var country = fields.Text("country", 64, errors)?.ToUpperInvariant();
        if (country is not null && !IsCountryCode(country)) errors.Add("country", InvalidCountryMessage);
        var currency = fields.Currency(errors);
        decimal amount = 0;
        if (errors.IsEmpty && Domain.AmountParser.Validate(fields["amount"], currency, out amount) is { } amountError) errors.Add("amount", amountError);
        var description = fields.Text("description", 500, errors) ?? "Platform funding";
        if (errors.ToError() is { } invalid) return invalid.ToResult();

        var account = company is not null ? BillingAccount.ForCompany(company) : BillingAccount.ForUser(user!.Value);
        var created = await billing.CreateInvoiceAsync(new NewInvoice(account, amount, currency, description, country), ct);
        return created.Value is { } invoice
            ? FamilyJson.Result(new InvoiceResponse(true, InvoiceView.Of(invoice)), StatusCodes.Status201Created)
            : created.Error!.ToResult();
    }

    private static async Task<IResult> Approve(long id, HttpContext http, AccountBilling billing, CancellationToken ct)
    {
        if (http.PlatformCaller() is not { } admin) return Caller.Unidentified.ToResult();
        var outcome = await billing.ApproveAsync(admin.Subject, id, http.Request.IdempotencyKey(), Answer, ct);
        return outcome.ToResult();
    }

    private static async Task<IResult> Decline(long id, HttpContext http, AccountBilling billing, CancellationToken ct)
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

    private const string InvalidCountryMessage = "The country must be an ISO 3166 two-letter code.";
    private static readonly ApiError InvalidCountry = ApiError.Validation("country", InvalidCountryMessage);

    private static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetterUpper);

    private static OperationResponse Answer(Domain.Billing.BillingPayment payment) =>
        ApiJson.Response(new BillingPaymentResponse(true, BillingPaymentView.Of(payment)), ApiFamily.Billing);
}
