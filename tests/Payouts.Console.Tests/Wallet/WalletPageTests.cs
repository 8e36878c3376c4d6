using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Payouts.Console.Api.Billing;
using Payouts.Console.Components.Pages.Wallet;
using Payouts.Console.Tests.Admin;

namespace Payouts.Console.Tests.Wallet;

/// <summary>
/// The wallet page and its manual payment form with the real API classes over a faked gateway: what the billing API
/// answered is shown (balances, invoices, payments and their statuses), a payment is checked before it is sent, sent
/// only after the confirmation, with one key per payment, and a refusal is shown in the API's words.
/// </summary>
public sealed class WalletPageTests : IAsyncDisposable
{
    private const string Balance = """{"success":true,"account_type":"company","account_id":"co-acme","balances":[{"currency":"USD","available":2500,"held":250.5}]}""";

    private const string Invoices = """
        {"success":true,"count":3,"results":[
          {"id":12,"invoice_number":"INV-2026-0012","amount":1000,"currency":"USD","description":"Platform funding","status":"unpaid","created_at":"2026-11-30T10:00:00Z","paid_at":null},
          {"id":11,"invoice_number":"INV-2026-0011","amount":300,"currency":"USD","description":"Platform funding","status":"unpaid","created_at":"2026-11-29T10:00:00Z","paid_at":null},
          {"id":10,"invoice_number":"INV-2026-0010","amount":2500,"currency":"USD","description":"Platform funding","status":"paid","created_at":"2026-11-28T10:00:00Z","paid_at":"2026-11-28T12:00:00Z"}]}
        """;

    private const string Payments = """
        {"success":true,"count":3,"results":[
          {"id":5,"invoice_id":11,"amount":300,"currency":"USD","payment_method":"bank_transfer","status":"pending_approval","transaction_reference":"WIRE-PENDING","failure_reason":null,"notes":null,"created_at":"2026-11-29T11:00:00Z","updated_at":"2026-11-29T11:00:00Z"},
          {"id":4,"invoice_id":10,"amount":2500,"currency":"USD","payment_method":"bank_transfer","status":"succeeded","transaction_reference":"WIRE-OK","failure_reason":null,"notes":null,"created_at":"2026-11-28T11:00:00Z","updated_at":"2026-11-28T12:00:00Z"},
          {"id":3,"invoice_id":10,"amount":2500,"currency":"USD","payment_method":"bank_transfer","status":"failed","transaction_reference":"WIRE-BAD","failure_reason":"No matching bank credit","notes":null,"created_at":"2026-11-28T10:30:00Z","updated_at":"2026-11-28T10:40:00Z"}]}
        """;

    private const string Methods = """{"success":true,"country":null,"methods":[{"id":"bank_transfer","name":"Bank transfer","instructions":"Wire to the platform account.","country":"*"}]}""";

    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _context;
    private readonly Queue<(HttpStatusCode, string)> _submissions = new();

    public WalletPageTests()
    {
        _context = FakeGateway.Context(_gateway);
        _context.Services.AddScoped<BillingApi>();
        _gateway.Answer = sent => sent.PathAndQuery switch
        {
            "/api/v1/billing/balance/" => (HttpStatusCode.OK, Balance),
            "/api/v1/billing/invoices/" => (HttpStatusCode.OK, Invoices),
            "/api/v1/billing/payments/" => (HttpStatusCode.OK, Payments),
            "/api/v1/billing/payment-methods/available/" => (HttpStatusCode.OK, Methods),
            "/api/v1/billing/payments/manual/" => _submissions.Dequeue(),
            _ => (HttpStatusCode.NotFound, """{"success":false,"error":"Not found"}"""),
        };
        _context.Render<MudPopoverProvider>();
    }

    private IRenderedComponent<WalletPage> RenderPage()
    {
        var page = _context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Contains("INV-2026-0012", page.Markup, StringComparison.Ordinal));
        return page;
    }

    private static IEnumerable<AngleSharp.Dom.IElement> Buttons(IRenderedComponent<MudDialogProvider> dialogs, string text) =>
        dialogs.FindAll("button").Where(b => b.TextContent.Trim() == text);

    [Fact]
    public void It_shows_the_balance_the_invoices_and_each_payments_status_in_words()
    {
        var page = RenderPage();

        var usd = page.Find("tr[data-currency=USD]");
        Assert.Equal("2,500.00", usd.QuerySelector("[data-balance=available]")!.TextContent);
        Assert.Equal("250.50", usd.QuerySelector("[data-balance=held]")!.TextContent);
        var payments = page.Find("[data-testid=payments]").TextContent;
        Assert.Contains("Pending approval", payments, StringComparison.Ordinal);
        Assert.Contains("Approved", payments, StringComparison.Ordinal);
        Assert.Contains("Declined: No matching bank credit", payments, StringComparison.Ordinal);
        Assert.Contains("INV-2026-0011", payments, StringComparison.Ordinal);
        // Only the unpaid invoice with nothing pending can be paid; the other waits for the admin.
        Assert.Single(page.FindAll("button"), b => b.TextContent.Trim() == "Pay");
        Assert.Contains("Payment pending approval", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_balance_is_shown_in_the_apis_words()
    {
        _gateway.Answer = _ => (HttpStatusCode.Forbidden, """{"success":false,"error":"The caller has no billing account"}""");
        var page = _context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Contains("The caller has no billing account", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payment_without_a_reference_is_refused_before_calling_and_is_sent_only_after_confirming_with_one_key()
    {
        _submissions.Enqueue((HttpStatusCode.BadRequest, """{"success":false,"error":"A payment for this invoice is already pending approval"}"""));
        _submissions.Enqueue((HttpStatusCode.Created, """
            {"success":true,"message":"Manual payment submitted and pending approval","payment":{"id":6,"invoice_id":12,"amount":1000,"currency":"USD","payment_method":"bank_transfer","status":"pending_approval","transaction_reference":"WIRE-77","failure_reason":null,"notes":"sent Monday","created_at":"2026-11-30T11:00:00Z","updated_at":"2026-11-30T11:00:00Z"}}
            """));
        var dialogs = _context.Render<MudDialogProvider>();
        var page = RenderPage();

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Pay").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Wire to the platform account.", dialogs.Markup, StringComparison.Ordinal));
        Buttons(dialogs, "Continue").Single().Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The transaction reference is required.", dialogs.Markup, StringComparison.Ordinal));

        var inputs = dialogs.FindAll("input[type=text], textarea").Where(e => !e.HasAttribute("readonly")).ToList();
        inputs[0].Input("WIRE-77");
        dialogs.Find("textarea").Input("sent Monday");
        Buttons(dialogs, "Continue").Single().Click();
        dialogs.WaitForAssertion(() => Assert.Contains("with reference WIRE-77", dialogs.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(_gateway.Sent, s => s.Method == HttpMethod.Post);

        Buttons(dialogs, "Submit payment").Single().Click();
        dialogs.WaitForAssertion(() => Assert.Contains("A payment for this invoice is already pending approval", dialogs.Markup, StringComparison.Ordinal));
        Buttons(dialogs, "Submit payment").Single().Click();
        page.WaitForAssertion(() => Assert.Contains("Payment WIRE-77 submitted: pending approval.", page.Markup, StringComparison.Ordinal));

        var posts = _gateway.Sent.Where(s => s.Method == HttpMethod.Post).ToList();
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(
            """{"invoice_id":12,"payment_method":"bank_transfer","transaction_reference":"WIRE-77","notes":"sent Monday"}""", p.Body));
        Assert.NotNull(posts[0].IdempotencyKey);
        Assert.Equal(posts[0].IdempotencyKey, posts[1].IdempotencyKey);
        // The page asked again after the payment: balance, invoices and payments twice each.
        Assert.Equal(2, _gateway.Sent.Count(s => s.PathAndQuery == "/api/v1/billing/payments/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _gateway.Dispose();
    }
}
