using Payouts.Console.Api;
using Payouts.Console.Api.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>Declining a manual payment needs a reason; approving has nothing to type, so a retry is always the same request.</summary>
public sealed class ManualPaymentInputTests
{
    [Theory]
    [InlineData(null, "A reason is required to decline a payment.")]
    [InlineData("  ", "A reason is required to decline a payment.")]
    [InlineData("No wire received", null)]
    public void Declining_needs_a_reason(string? reason, string? problem) => Assert.Equal(problem, new DeclinePaymentInput(reason).Problem);

    [Fact]
    public void A_repeated_approval_keeps_its_key_until_it_succeeds()
    {
        var action = new IdempotentAction();
        action.Open();
        var key = action.KeyFor(new ApprovePaymentInput());
        Assert.Equal(key, action.KeyFor(new ApprovePaymentInput()));
        action.Succeeded();
        action.Open();
        Assert.NotEqual(key, action.KeyFor(new ApprovePaymentInput()));
    }
}
