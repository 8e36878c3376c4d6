using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Bunit;
using MudBlazor;
using Payouts.Console.Components.Pages.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>The report pages render what the API answered, with only the services the console registers for them.</summary>
public sealed class AdminPagesRenderTests : IAsyncDisposable
{
    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _context;

    public AdminPagesRenderTests()
    {
        _context = FakeGateway.Context(_gateway);
        _context.Services.AddScoped<Payouts.Console.Api.Admin.SettlementApi>();
        _context.Render<MudPopoverProvider>();
    }

    [Fact]
    public void The_reconciliation_page_shows_open_transfers_and_the_finished_report()
    {
        var payout = Guid.NewGuid();
        _gateway.Answer = sent => sent.PathAndQuery.Contains("/finished", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, """{"success":true,"data":{"from":"2026-11-30T06:00:00Z","to":"2026-12-01T06:00:00Z","status":"all","checked":3,"matched":3,"mismatches":[],"unanswered":[],"pagination":{"currentPage":1,"totalPages":1,"totalItems":3,"itemsPerPage":20}}}""")
            : (HttpStatusCode.OK, $$"""{"success":true,"data":{"transfersByStatus":{"completed":3,"unknown":1},"mismatches":0,"open":[{"payoutId":"{{payout}}","paymentReference":"PAY-OPEN-1","status":"unknown","amount":100,"currency":"USD","reason":"timeout","providerTransferId":null,"providerStatus":"not_found","providerAmount":null,"mismatch":false,"age":"00:05:00","reconciliationAttempts":2}],"faults":[]} }""");
        var page = _context.Render<ReconciliationPage>();
        page.WaitForAssertion(() =>
        {
            Assert.Contains("PAY-OPEN-1", page.Markup, StringComparison.Ordinal);
            Assert.Contains("3 checked, 3 matched", page.Markup, StringComparison.Ordinal);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _gateway.Dispose();
    }
}
