using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Payouts.Console.Components.Shared;

namespace Payouts.Console.Tests;

/// <summary>
/// The 2FA code form of the approval and the enrolment: six digits checked before sending, one request at a time with
/// its button disabled meanwhile, the refusal shown in the API's words.
/// </summary>
public sealed class TwoFactorCodeFormTests : BunitContext
{
    private const string Invalid = "Invalid or expired 2FA code";

    private readonly List<string> _sent = [];

    public TwoFactorCodeFormTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("12a456")]
    [InlineData("")]
    public void A_code_that_is_not_six_digits_is_refused_on_the_page_and_never_sent(string code)
    {
        var form = RenderForm(_ => Task.FromResult<string?>(null));

        form.Find("input").Input(code);
        form.Find("form").Submit();

        Assert.Empty(_sent);
        Assert.Contains(TwoFactorCode.Problem, form.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_button_is_disabled_while_the_one_request_is_in_flight_and_the_refusal_is_shown_in_the_apis_words()
    {
        var answer = new TaskCompletionSource<string?>();
        var form = RenderForm(_ => answer.Task);

        form.Find("input").Input("123456");
        form.Find("form").Submit();
        Assert.True(form.Find("[data-testid=code-submit]").HasAttribute("disabled"));
        // A second submit while the first is in flight (a double click) sends nothing.
        form.Find("form").Submit();
        Assert.Equal(["123456"], _sent);

        answer.SetResult(Invalid);
        form.WaitForAssertion(() => Assert.False(form.Find("[data-testid=code-submit]").HasAttribute("disabled")));
        Assert.Equal(Invalid, form.Find("[role=alert]").TextContent.Trim());
        Assert.Equal(["123456"], _sent);
    }

    [Fact]
    public void An_accepted_code_shows_no_refusal()
    {
        var form = RenderForm(_ => Task.FromResult<string?>(null));

        form.Find("input").Input(" 012345 ");
        form.Find("form").Submit();

        Assert.Equal(["012345"], _sent);
        Assert.Empty(form.FindAll("[role=alert]"));
    }

    [Fact]
    public void Before_the_page_is_live_the_button_is_disabled()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var form = RenderForm(_ => Task.FromResult<string?>(null));

        Assert.True(form.Find("[data-testid=code-submit]").HasAttribute("disabled"));
    }

    private IRenderedComponent<TwoFactorCodeForm> RenderForm(Func<string, Task<string?>> answer) =>
        Render<TwoFactorCodeForm>(p => p
            .Add(f => f.SubmitLabel, "Approve")
            .Add(f => f.OnSubmit, code =>
            {
                _sent.Add(code);
                return answer(code);
            }));
}
