using Payouts.Console.Api.Admin;

namespace Payouts.Console.Tests.Admin;

/// <summary>The reconciliation page's inputs: the resolve form's required note and the finished report's window as a query.</summary>
public sealed class SettlementInputTests
{
    [Theory]
    [InlineData("completed", "", "A note is required: say why the transfer is resolved this way.")]
    [InlineData("failed", "   ", "A note is required: say why the transfer is resolved this way.")]
    [InlineData("reversed", "why", "Choose completed or failed.")]
    [InlineData("completed", "The provider's statement shows it paid", null)]
    public void Resolving_needs_an_outcome_and_a_note(string outcome, string note, string? problem) =>
        Assert.Equal(problem, new ResolveTransferInput(outcome, note).Problem);

    [Fact]
    public void The_finished_report_asks_for_a_window_ending_now_the_status_and_the_page()
    {
        var now = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal("api/admin/settlement/reconciliation/finished?from=2026-11-24T06%3A00%3A00Z&to=2026-12-01T06%3A00%3A00Z&status=failed&page=2&limit=20",
            new FinishedReportQuery(7, "failed", 2, 20).ToPath(now));
        Assert.Contains("from=2026-10-31T06", new FinishedReportQuery(90, "all", 0, 500).ToPath(now), StringComparison.Ordinal);
        Assert.EndsWith("page=1&limit=100", new FinishedReportQuery(90, "all", 0, 500).ToPath(now), StringComparison.Ordinal);
    }
}
