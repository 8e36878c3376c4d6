using Payouts.PayoutService.Domain.Payouts;

namespace Payouts.PayoutService.Tests.Domain;

/// <summary>The payout's status rules on their own, without a database: which transitions each status allows.</summary>
public sealed class PayoutTransitionTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string, string?> Transitions => new()
    {
        // transition, from, the error code it is refused with (null: allowed)
        { "cancel", PayoutStatus.Pending, null },
        { "reject", PayoutStatus.Pending, null },
        { "complete-with-reference", PayoutStatus.Pending, null },
        { "start-processing", PayoutStatus.Pending, null },
        { "cancel", PayoutStatus.Processing, "payout_cannot_be_cancelled" },
        { "reject", PayoutStatus.Processing, "payout_already_processed" },
        { "start-processing", PayoutStatus.Processing, "payout_already_processed" },
        { "cancel", PayoutStatus.Completed, "payout_cannot_be_cancelled" },
        { "reject", PayoutStatus.Completed, "payout_already_processed" },
        { "complete-with-reference", PayoutStatus.Completed, "payout_already_processed" },
        { "reject", PayoutStatus.Cancelled, "payout_already_processed" },
        { "start-processing", PayoutStatus.Rejected, "payout_already_processed" },
        { "complete-with-reference", PayoutStatus.Failed, "payout_already_processed" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_a_pending_payout_can_be_cancelled_rejected_or_processed(string transition, string from, string? refusedWith)
    {
        var payout = PayoutIn(from);
        Action act = transition switch
        {
            "cancel" => () => payout.Cancel(Now),
            "reject" => () => payout.Reject("Insufficient funds", "admin-1", null, Now),
            "complete-with-reference" => () => payout.CompleteWithReference("TXN-1", "admin-1", null, Now),
            "start-processing" => () => payout.StartProcessing("admin-1", null, Now),
            _ => throw new ArgumentOutOfRangeException(nameof(transition)),
        };

        if (refusedWith is null)
        {
            act();
            Assert.NotEqual(from, payout.Status);
        }
        else
        {
            Assert.Equal(refusedWith, Assert.Throws<PayoutRuleViolation>(act).Code);
            Assert.Equal(from, payout.Status);
        }
    }

    [Fact]
    public void Settlement_completes_or_fails_a_processing_payout_once_and_nothing_else()
    {
        var completed = PayoutIn(PayoutStatus.Processing);
        Assert.True(completed.CompleteSettlement("tr_1", Now));
        Assert.Equal((PayoutStatus.Completed, "tr_1"), (completed.Status, completed.TransactionReference));
        Assert.False(completed.CompleteSettlement("tr_2", Now));
        Assert.False(completed.FailSettlement("declined", "late failure", Now));
        Assert.Equal((PayoutStatus.Completed, "tr_1"), (completed.Status, completed.TransactionReference));

        var failed = PayoutIn(PayoutStatus.Processing);
        Assert.True(failed.FailSettlement("account_closed", "The account is closed", Now));
        Assert.Equal((PayoutStatus.Failed, "account_closed: The account is closed"), (failed.Status, failed.FailureReason));
        Assert.False(failed.CompleteSettlement("tr_3", Now));

        foreach (var status in new[] { PayoutStatus.Pending, PayoutStatus.Cancelled, PayoutStatus.Rejected })
        {
            var payout = PayoutIn(status);
            Assert.False(payout.CompleteSettlement("tr_4", Now));
            Assert.False(payout.FailSettlement("x", "y", Now));
            Assert.Equal(status, payout.Status);
        }
    }

    private static Payout PayoutIn(string status) => new()
    {
        Reference = "PAY-2024-001",
        Currency = "USD",
        Method = "bank_transfer",
        Amount = 500m,
        NetAmount = 500m,
        Status = status,
    };
}
