using Payouts.BatchService.Domain;

namespace Payouts.BatchService.Tests.Domain;

public sealed class BatchTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Totals_count_valid_payees_and_capacity_counts_every_payee()
    {
        var batch = Batch.Create("c1", "PAY-2024-001", Now);

        batch.Add([new NewPayee("recipient1@example.com", 100.50m, null), new NewPayee("recipient2@example.com", 250m, null), new NewPayee("invalid@email", 50m, null)], Now);

        Assert.Equal(350.50m, batch.TotalAmount);
        Assert.Equal(350.50m, batch.ActiveAmount);
        Assert.Equal(97, batch.RemainingCapacity);
        Assert.Equal([1, 2, 3], batch.Recipients.Select(r => r.Position));
        Assert.Equal(BatchRecipient.InvalidEmailReason, batch.Recipients[2].FailureReason);
        Assert.Equal(425.50m, batch.ActiveAmountWith([new NewPayee("new@example.com", 75m, null), new NewPayee("bad", 9m, null)]));
    }

    [Fact]
    public void The_hundred_and_first_payee_is_refused()
    {
        var batch = Batch.Create("c1", "R", Now);
        batch.Add([.. Enumerable.Range(0, 100).Select(i => new NewPayee($"p{i}@example.com", 3m, null))], Now);

        var violation = batch.CheckAdd([new NewPayee("one@example.com", 3m, null)]);

        Assert.False(violation!.IsStatusConflict);
        Assert.Throws<InvalidOperationException>(() => batch.Add([new NewPayee("one@example.com", 3m, null)], Now));
    }

    [Fact]
    public void Ready_and_cancel_follow_the_status_rules()
    {
        var batch = Batch.Create("c1", "R", Now);
        Assert.True(batch.MarkReady(Now)!.IsStatusConflict);
        batch.Add([new NewPayee("a@example.com", 5m, null)], Now);

        Assert.Null(batch.MarkReady(Now));
        Assert.True(batch.CheckAdd([new NewPayee("b@example.com", 5m, null)])!.IsStatusConflict);
        Assert.Null(batch.Cancel(Now));
        Assert.Equal(RecipientStatus.Cancelled, batch.Recipients[0].Status);
        Assert.NotNull(batch.Cancel(Now));
    }

    [Fact]
    public void A_payment_reference_is_at_most_50_characters()
    {
        Assert.Null(PaymentReference.Check(new string('r', 50)));
        Assert.Equal("payment_reference must be at most 50 characters", PaymentReference.Check(new string('r', 51)));
    }

    [Theory]
    [InlineData("recipient1@example.com", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("invalid@email", false)]
    [InlineData("no-at.example.com", false)]
    [InlineData("two@@example.com", false)]
    [InlineData("space d@example.com", false)]
    [InlineData("trailing@example.", false)]
    public void Email_addresses(string email, bool valid) => Assert.Equal(valid, EmailAddress.IsValid(email));

    [Theory]
    [InlineData("3.00", null)]
    [InlineData("2.99", "must be at least $3.00")]
    [InlineData("-5", "must be at least $3.00")]
    [InlineData("3.001", "must have at most 2 decimal places")]
    [InlineData("1000000000.01", "must be at most $1000000000.00")]
    public void Amounts(string amount, string? problem) =>
        Assert.Equal(problem, PayeeRules.CheckAmount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}
