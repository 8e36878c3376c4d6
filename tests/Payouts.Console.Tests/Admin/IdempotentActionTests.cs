using Payouts.Console.Api;
using Payouts.Console.Api.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>One key per action: made when its dialog opens, kept across retries of the same request until it succeeds.</summary>
public sealed class IdempotentActionTests
{
    private int _made;

    private IdempotentAction NewAction() => new(() => $"key-{++_made}");

    [Fact]
    public void The_key_is_made_when_the_dialog_opens_and_kept_across_a_retry_and_a_reopened_dialog()
    {
        var action = NewAction();
        Assert.Null(action.Key);
        action.Open();
        var reason = new RejectPayoutInput("Invalid bank account details");
        Assert.Equal("key-1", action.KeyFor(reason));
        Assert.Equal("key-1", action.KeyFor(reason));
        action.Open();
        Assert.Equal("key-1", action.KeyFor(new RejectPayoutInput("  Invalid bank account details ")));
    }

    [Fact]
    public void A_changed_request_gets_a_new_key_since_the_api_refuses_a_key_reused_with_another_body()
    {
        var action = NewAction();
        action.Open();
        Assert.Equal("key-1", action.KeyFor(new ProcessPayoutInput(null, null)));
        Assert.Equal("key-2", action.KeyFor(new ProcessPayoutInput("TXN-1", null)));
        Assert.Equal("key-2", action.KeyFor(new ProcessPayoutInput("TXN-1", "")));
    }

    [Fact]
    public void After_it_succeeded_the_next_action_has_a_new_key()
    {
        var action = NewAction();
        action.Open();
        action.KeyFor(new ProcessPayoutInput(null, null));
        action.Succeeded();
        Assert.Null(action.Key);
        action.Open();
        Assert.Equal("key-2", action.Key);
    }
}
