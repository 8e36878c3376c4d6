using System.Net;
using Bunit;
using MudBlazor;
using Payouts.Console.Api.Admin;
using Payouts.Console.Components.Pages.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>The payout queue asks the admin API for the filtered page the table shows, and lists what it answered.</summary>
public sealed class PayoutQueuePageTests : IAsyncDisposable
{
    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _context;

    public PayoutQueuePageTests()
    {
        _context = FakeGateway.Context(_gateway);
        _gateway.Answer = sent => (HttpStatusCode.OK, $$$"""
            {"success":true,"data":{"payouts":[{{{FakeGateway.PayoutJson(Guid.NewGuid(), "PAY-" + sent.PathAndQuery.Length)}}}],
             "pagination":{"currentPage":1,"totalPages":3,"totalItems":45,"itemsPerPage":20}} }
            """);
    }

    [Fact]
    public async Task It_opens_on_pending_payouts_then_asks_for_the_chosen_status_from_its_first_page_and_for_the_next_page()
    {
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<PayoutQueuePage>();
        page.WaitForAssertion(() => Assert.Equal("/api/admin/payouts?page=1&limit=20&status=pending", Assert.Single(_gateway.Sent).PathAndQuery));
        page.WaitForAssertion(() => Assert.Contains("PAY-", page.Find("tbody").TextContent, StringComparison.Ordinal));

        var table = page.FindComponent<MudTable<AdminPayout>>();
        await page.InvokeAsync(() => table.Instance.NavigateTo(1));
        page.WaitForAssertion(() => Assert.Equal("/api/admin/payouts?page=2&limit=20&status=pending", _gateway.Sent[^1].PathAndQuery));

        var filter = page.FindComponent<MudSelect<string>>();
        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync("completed"));
        page.WaitForAssertion(() => Assert.Equal("/api/admin/payouts?page=1&limit=20&status=completed", _gateway.Sent[^1].PathAndQuery));

        await page.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(AdminPayoutQuery.AllStatuses));
        page.WaitForAssertion(() => Assert.Equal("/api/admin/payouts?page=1&limit=20", _gateway.Sent[^1].PathAndQuery));
    }

    [Fact]
    public void A_refused_list_is_shown_in_words()
    {
        _gateway.Answer = _ => (HttpStatusCode.Forbidden, """{"error":"forbidden","message":"Admin access required"}""");
        _context.Render<MudPopoverProvider>();
        var page = _context.Render<PayoutQueuePage>();
        page.WaitForAssertion(() => Assert.Contains("Admin access required", page.Markup, StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _gateway.Dispose();
    }
}
