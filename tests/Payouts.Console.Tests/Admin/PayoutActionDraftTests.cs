using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Payouts.Console.Api;
using Payouts.Console.Api.Admin;
using Payouts.Console.Components.Pages.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>
/// What an admin types into the reject dialog is kept (encrypted) in the tab's session storage as it is typed, and a
/// dialog opened later in a new circuit — after a new sign-in — starts from it.
/// </summary>
public sealed class PayoutActionDraftTests : IAsyncDisposable
{
    private static readonly Guid PayoutId = Guid.Parse("5f0c8a52-3d1c-4c57-9d6e-2b3f4a5b6c7d");

    private readonly FakeGateway _gateway = new();
    private readonly BunitContext _typing;
    private readonly BunitContext _returning;

    public PayoutActionDraftTests()
    {
        _typing = FakeGateway.Context(_gateway);
        _returning = FakeGateway.Context(_gateway);
        // One key ring for both circuits, as in one console process.
        var keys = _typing.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        _returning.Services.AddSingleton(keys);
    }

    [Fact]
    public async Task A_reason_typed_before_the_session_ended_is_back_in_the_reopened_dialog()
    {
        var typing = _typing.Render<MudDialogProvider>();
        await ShowRejectAsync(_typing, typing);
        typing.Find("textarea").Input("Invalid bank account details");

        typing.WaitForState(() => _typing.JSInterop.Invocations["sessionStorage.setItem"].Count > 0);
        var saved = _typing.JSInterop.Invocations["sessionStorage.setItem"][^1];
        var (key, stored) = ((string)saved.Arguments[0]!, (string)saved.Arguments[1]!);
        Assert.Equal($"draft:1::{RejectPayoutDialog.DraftOf(PayoutId)}", key);
        Assert.DoesNotContain("Invalid bank account details", stored, StringComparison.Ordinal);

        _returning.JSInterop.Setup<string?>("sessionStorage.getItem", key).SetResult(stored);
        var returning = _returning.Render<MudDialogProvider>();
        await ShowRejectAsync(_returning, returning);

        returning.WaitForAssertion(() => Assert.Equal("Invalid bank account details", returning.Find("textarea").GetAttribute("value") ?? returning.Find("textarea").TextContent));
        Assert.Empty(_gateway.Sent);
    }

    private static async Task ShowRejectAsync(BunitContext context, IRenderedComponent<MudDialogProvider> dialogs)
    {
        var service = context.Services.GetRequiredService<IDialogService>();
        var payout = System.Text.Json.JsonSerializer.Deserialize<AdminPayout>(FakeGateway.PayoutJson(PayoutId, "PAY-TEST-1"), Payouts.Console.Api.ApiJson.CamelCase)!;
        var parameters = new DialogParameters { { "Payout", payout }, { "Action", new IdempotentAction() } };
        await dialogs.InvokeAsync(() => service.ShowAsync<RejectPayoutDialog>("Confirm", parameters));
    }

    public async ValueTask DisposeAsync()
    {
        await _typing.DisposeAsync();
        await _returning.DisposeAsync();
        _gateway.Dispose();
    }
}
