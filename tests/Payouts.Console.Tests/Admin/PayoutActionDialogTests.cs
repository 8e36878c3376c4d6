using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Payouts.Console.Api;
using Payouts.Console.Api.Admin;
using Payouts.Console.Components.Pages.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>
/// The process and reject dialogs with the real API classes over a faked gateway: a blank reason is refused before any
/// call, a refusal is shown in the API's words, and a retry of the same action carries the same idempotency key.
/// </summary>
public sealed class PayoutActionDialogTests : IAsyncDisposable
{
    private static readonly Guid PayoutId = Guid.Parse("5f0c8a52-3d1c-4c57-9d6e-2b3f4a5b6c7d");

    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _context;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public PayoutActionDialogTests()
    {
        _context = FakeGateway.Context(_gateway);
        _dialogs = _context.Render<MudDialogProvider>();
    }

    private static AdminPayout Payout() =>
        System.Text.Json.JsonSerializer.Deserialize<AdminPayout>(FakeGateway.PayoutJson(PayoutId, "PAY-TEST-1"), Payouts.Console.Api.ApiJson.CamelCase)!;

    private async Task<IDialogReference> ShowAsync<TDialog>(IdempotentAction action) where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var service = _context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters { { "Payout", Payout() }, { "Action", action } };
        return await _dialogs.InvokeAsync(() => service.ShowAsync<TDialog>("Confirm", parameters));
    }

    private void Click(string button) => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();

    [Fact]
    public async Task Rejecting_with_a_blank_reason_is_refused_before_calling_and_a_reason_is_sent_with_the_actions_key()
    {
        _gateway.Answer = _ => (HttpStatusCode.OK,
            $$$"""{"success":true,"message":"Payout rejected successfully","data":{"id":"{{{PayoutId}}}","status":"rejected","processedAt":"2026-11-30T10:05:00Z","processedBy":"1","rejectionReason":"Invalid bank account details"}}""");
        var action = new IdempotentAction();
        var dialog = await ShowAsync<RejectPayoutDialog>(action);

        _dialogs.Find("textarea").Input("   ");
        Click("Reject payout");
        _dialogs.WaitForAssertion(() => Assert.Contains("A reason is required to reject a payout.", _dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(_gateway.Sent);

        var key = action.Key;
        _dialogs.Find("textarea").Input("Invalid bank account details");
        Click("Reject payout");
        var result = await dialog.Result;

        var sent = Assert.Single(_gateway.Sent);
        Assert.Equal((HttpMethod.Post, $"/api/admin/payouts/{PayoutId}/reject"), (sent.Method, sent.PathAndQuery));
        Assert.Equal("""{"rejectionReason":"Invalid bank account details"}""", sent.Body);
        Assert.Equal(key, sent.IdempotencyKey);
        Assert.Equal("Payout rejected successfully", result!.Data);
        Assert.Null(action.Key);
    }

    [Fact]
    public async Task A_refused_process_shows_the_apis_words_and_its_retry_carries_the_same_key()
    {
        var answers = new Queue<(HttpStatusCode, string)>([
            (HttpStatusCode.ServiceUnavailable, """{"error":"service_unavailable","message":"Settlement is not answering: try again."}"""),
            (HttpStatusCode.OK, $$$"""{"success":true,"message":"Payout processed successfully","data":{"id":"{{{PayoutId}}}","status":"completed","processedAt":"2026-11-30T10:05:00Z","completedAt":"2026-11-30T10:05:01Z","processedBy":"1","transactionReference":"TRF-1","failureReason":null,"userBalance":900}}"""),
        ]);
        _gateway.Answer = _ => answers.Dequeue();
        var action = new IdempotentAction();
        var dialog = await ShowAsync<ProcessPayoutDialog>(action);

        Click("Process payout");
        _dialogs.WaitForAssertion(() => Assert.Contains("Settlement is not answering: try again.", _dialogs.Markup, StringComparison.Ordinal));
        Click("Process payout");
        var result = await dialog.Result;

        Assert.Equal(2, _gateway.Sent.Count);
        Assert.All(_gateway.Sent, s => Assert.Equal($"/api/admin/payouts/{PayoutId}/process", s.PathAndQuery));
        Assert.NotNull(_gateway.Sent[0].IdempotencyKey);
        Assert.Equal(_gateway.Sent[0].IdempotencyKey, _gateway.Sent[1].IdempotencyKey);
        Assert.Equal("{}", _gateway.Sent[1].Body);
        Assert.Equal("Payout processed successfully", result!.Data);
    }

    [Fact]
    public async Task A_process_cancelled_after_a_refusal_keeps_its_key_for_the_reopened_dialog()
    {
        _gateway.Answer = _ => (HttpStatusCode.BadGateway, "");
        var action = new IdempotentAction();
        await ShowAsync<ProcessPayoutDialog>(action);
        Click("Process payout");
        _dialogs.WaitForAssertion(() => Assert.Single(_gateway.Sent));
        Click("Cancel");

        await ShowAsync<ProcessPayoutDialog>(action);
        Click("Process payout");
        _dialogs.WaitForAssertion(() => Assert.Equal(2, _gateway.Sent.Count));
        Assert.Equal(_gateway.Sent[0].IdempotencyKey, _gateway.Sent[1].IdempotencyKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _gateway.Dispose();
    }
}
