using System.Net;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Payouts.Console.Api.Admin;
using Payouts.Console.Components.Pages.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>
/// The set-rate dialog with the real FxRatesApi over a faked gateway: invalid input is refused in words before any call,
/// a valid one is confirmed before it is sent, and the API's refusal is shown in its words.
/// </summary>
public sealed class SetFxRateDialogTests : IAsyncDisposable
{
    private static readonly FxRate UsdNgn = new("USD", "NGN", 1500m, 50m, true, DateTimeOffset.Parse("2026-11-23T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), null);

    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _context;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;

    public SetFxRateDialogTests()
    {
        _context = FakeGateway.Context(_gateway);
        _context.Services.AddScoped<FxRatesApi>();
        _dialogs = _context.Render<MudDialogProvider>();
    }

    private async Task<IDialogReference> ShowAsync(FxRate? editing)
    {
        var service = _context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters { { nameof(SetFxRateDialog.Editing), editing }, { nameof(SetFxRateDialog.Current), new[] { UsdNgn } } };
        return await _dialogs.InvokeAsync(() => service.ShowAsync<SetFxRateDialog>("Set an FX rate", parameters));
    }

    private void Fill(string label, string text) =>
        _dialogs.FindAll("div.mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label).QuerySelector("input")!.Input(text);

    private void Click(string button) => _dialogs.FindAll("button").Single(b => b.TextContent.Trim() == button).Click();

    [Fact]
    public async Task Invalid_input_is_refused_in_words_before_any_call()
    {
        await ShowAsync(editing: null);
        Fill("Base currency", "US");
        Fill("Quote currency", "NGN");
        Fill("Rate", "-3");
        Fill("Processing fee", "1");
        Click("Review");

        _dialogs.WaitForAssertion(() =>
        {
            Assert.Contains("The base currency must be a three-letter ISO 4217 code, e.g. USD.", _dialogs.Markup, StringComparison.Ordinal);
            Assert.Contains("The rate must be greater than zero.", _dialogs.Markup, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(_dialogs.FindAll("button"), b => b.TextContent.Trim() == "Set rate");
        Assert.Empty(_gateway.Sent);
    }

    [Fact]
    public async Task A_change_is_confirmed_with_what_it_replaces_then_sent_as_a_put()
    {
        _gateway.Answer = _ => (HttpStatusCode.OK,
            """{"success":true,"message":"FX rate saved","data":{"baseCurrency":"USD","quoteCurrency":"NGN","rate":1550.5,"processingFee":25,"enabled":true,"updatedAt":"2026-12-01T10:00:00Z","updatedBy":"1"}}""");
        var dialog = await ShowAsync(UsdNgn);
        Fill("Rate", "1550.5");
        Fill("Processing fee", "25");
        Click("Review");

        _dialogs.WaitForAssertion(() => Assert.Contains("This replaces 1500 (fee 50, enabled).", _dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(_gateway.Sent);
        Click("Set rate");
        var result = await dialog.Result;

        var sent = Assert.Single(_gateway.Sent);
        Assert.Equal((HttpMethod.Put, "/api/admin/fx-rates/USD/NGN"), (sent.Method, sent.PathAndQuery));
        Assert.Equal("""{"rate":1550.5,"processingFee":25,"enabled":true}""", sent.Body);
        Assert.Null(sent.IdempotencyKey);
        Assert.Equal("USD → NGN is now 1550.5.", result!.Data);
    }

    [Fact]
    public async Task The_apis_refusal_is_shown_in_its_words_and_the_admin_can_go_back()
    {
        _gateway.Answer = _ => (HttpStatusCode.BadRequest,
            """{"success":false,"message":"The processing fee must have at most 0 decimal places for JPY."}""");
        var dialog = await ShowAsync(editing: null);
        Fill("Base currency", "usd");
        Fill("Quote currency", "jpy");
        Fill("Rate", "150");
        Fill("Processing fee", "0.5");
        Click("Review");
        _dialogs.WaitForAssertion(() => Assert.StartsWith("Set USD → JPY? 1 USD = 150 JPY, processing fee 0.5 JPY", _dialogs.Find("[data-testid=fx-confirmation]").TextContent.Trim(), StringComparison.Ordinal));
        Click("Set rate");

        _dialogs.WaitForAssertion(() => Assert.Contains("The processing fee must have at most 0 decimal places for JPY.", _dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal("/api/admin/fx-rates/USD/JPY", Assert.Single(_gateway.Sent).PathAndQuery);
        Assert.False(dialog.Result.IsCompleted);
        Click("Back");
        _dialogs.WaitForAssertion(() => Assert.Contains(_dialogs.FindAll("button"), b => b.TextContent.Trim() == "Review"));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        _gateway.Dispose();
    }
}
