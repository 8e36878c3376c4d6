using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Tests.Domain;

public sealed class BatchApprovalTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_ready_batch_is_approved_once_and_goes_to_processing()
    {
        var batch = Batch.Create("c1", "PAY-1", Now);
        batch.Add([new NewPayee("a@example.com", 10m, null)], Now);
        batch.MarkReady(Now);

        Assert.Null(batch.CheckApprove());
        batch.Approve("42", Now.AddMinutes(1));

        Assert.Equal(BatchStatus.Processing, batch.Status);
        Assert.Equal("42", batch.ApprovedBy);
        Assert.Equal(Now.AddMinutes(1), batch.ApprovedAt);
        Assert.Equal("This batch is already approved; it is processing", batch.CheckApprove()!.Message);
        Assert.Throws<InvalidOperationException>(() => batch.Approve("42", Now.AddMinutes(2)));
        Assert.NotNull(batch.Cancel(Now.AddMinutes(2)));
    }

    [Fact]
    public void A_draft_or_cancelled_batch_is_not_approved()
    {
        var draft = Batch.Create("c1", "PAY-2", Now);
        draft.Add([new NewPayee("a@example.com", 10m, null)], Now);
        Assert.Equal("Only a ready batch can be approved; this batch is draft", draft.CheckApprove()!.Message);

        draft.Cancel(Now);
        Assert.Equal("Only a ready batch can be approved; this batch is cancelled", draft.CheckApprove()!.Message);
        Assert.True(draft.CheckApprove()!.IsStatusConflict);
    }
}
