using Payouts.Contracts.Settlement;
using Payouts.SettlementService.Domain;

namespace Payouts.SettlementService.Tests;

/// <summary>The money rules of an operator's resolution, on the domain type alone.</summary>
public sealed class OperatorResolutionRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("completed", "completed", true)]
    [InlineData("completed", "pending", false)]
    [InlineData("completed", "failed", false)]
    [InlineData("completed", null, false)]
    [InlineData("failed", "failed", true)]
    [InlineData("failed", null, true)]
    // Money that left, or may still leave, is never released back to the user.
    [InlineData("failed", "completed", false)]
    [InlineData("failed", "pending", false)]
    public void The_provider_record_decides_which_outcome_an_operator_may_choose(string outcome, string? providerStatus, bool allowed) =>
        Assert.Equal(allowed, Transfer.ProviderAllows(outcome, providerStatus));

    [Fact]
    public void A_transfer_still_being_sent_cannot_be_resolved()
    {
        var transfer = NewTransfer();

        Assert.Throws<InvalidOperationException>(() => transfer.Resolve(new OperatorResolution("failed", "9001", "Never sent"), null, null, Now));
        Assert.Equal((TransferStatus.Sending, null), (transfer.Status, transfer.Resolution));
    }

    [Fact]
    public void An_unknown_transfer_is_not_failed_against_a_completed_provider_transfer()
    {
        var transfer = NewTransfer();
        transfer.MarkUnknown("amount_mismatch: provider holds 50 for transfer t1", Now);

        Assert.Throws<InvalidOperationException>(() => transfer.Resolve(new OperatorResolution("failed", "9001", "Wrong"), "completed", "t1", Now));
        Assert.Equal((TransferStatus.Unknown, null), (transfer.Status, transfer.Resolution));
    }

    [Fact]
    public void A_flagged_transfer_completed_by_an_operator_keeps_our_amount_and_records_who_and_why()
    {
        var transfer = NewTransfer();
        transfer.MarkUnknown("amount_mismatch: provider holds 50 for transfer t1", Now);

        transfer.Resolve(new OperatorResolution("completed", "9001", "Accepted the provider's 50"), "completed", "t1", Now.AddHours(1));

        Assert.Equal((TransferStatus.Completed, "t1", 60m, null), (transfer.Status, transfer.ProviderTransferId, transfer.Amount, transfer.FailureReason));
        Assert.Equal(("completed", "9001", Now.AddHours(1), "Accepted the provider's 50"), (transfer.Resolution, transfer.ResolvedBy, transfer.ResolvedAt, transfer.ResolutionNote));
    }

    [Fact]
    public void The_provider_not_holding_a_transfer_means_nothing_only_once_our_call_cannot_reach_it_any_more()
    {
        var transfer = NewTransfer();

        Assert.False(transfer.SentBefore(Now.AddSeconds(59), TimeSpan.FromMinutes(1)));
        Assert.True(transfer.SentBefore(Now.AddMinutes(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_resolution_needs_a_note_of_at_most_500_characters()
    {
        Assert.Throws<ArgumentException>(() => new OperatorResolution("failed", "9001", " "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OperatorResolution("failed", "9001", new string('x', 501)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OperatorResolution("refunded", "9001", "Not an outcome"));
        Assert.Equal(500, new OperatorResolution("failed", "9001", new string('x', 500)).Note.Length);
    }

    private static Transfer NewTransfer() => Transfer.Start(
        new SettlePayout(Guid.NewGuid(), "PO-RULES", DestinationKind.BankAccount, 1, "bank_transfer", 60m, "USD", "Rules"),
        new Beneficiary("bank_transfer", true, null, "011", "1234567890", null, null, "****7890"),
        Now);
}
