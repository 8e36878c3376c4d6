using Payouts.PayoutService.Domain.Ledger;

namespace Payouts.PayoutService.Tests.Domain;

/// <summary>The ledger's postings on their own: every posting balances, and only the wallet's own accounts are guarded.</summary>
public sealed class LedgerPostingTests
{
    private static readonly WalletOwner User = WalletOwner.ForUser(456);
    private static readonly WalletOwner Company = WalletOwner.ForCompany("c-9");

    public static TheoryData<string> Postings =>
        ["credit", "credit-company", "hold", "release", "complete", "complete-with-fees", "batch-hold", "batch-release", "batch-credit"];

    [Theory]
    [MemberData(nameof(Postings))]
    public void Every_posting_sums_to_zero_in_its_currency(string name)
    {
        var posting = Build(name);

        Assert.Equal(0m, posting.Legs.Sum(l => l.Amount));
        Assert.All(posting.Legs, l => Assert.Equal(posting.Currency, l.Account.Currency));
    }

    [Fact]
    public void A_hold_moves_available_to_held_and_guards_the_available_balance()
    {
        var posting = LedgerPosting.Hold(User, 500m, "USD", "PAY-1", payoutId: 1);

        Assert.Equal([(User.Account(LedgerAccountKind.Available, "USD"), -500m), (User.Account(LedgerAccountKind.Held, "USD"), 500m)], posting.Legs);
        Assert.Equal([User.Account(LedgerAccountKind.Available, "USD")], posting.NonNegative);
    }

    [Fact]
    public void Completing_pays_the_net_and_gives_the_fees_to_the_platform_out_of_held()
    {
        var posting = LedgerPosting.Complete(Company, 100m, 2.9m, "USD", "PAY-2", payoutId: 2);
        var held = Company.Account(LedgerAccountKind.Held, "USD");

        Assert.Equal(-100m, posting.Legs.Where(l => l.Account == held).Sum(l => l.Amount));
        Assert.Equal(97.1m, posting.Legs.Single(l => l.Account == Company.Account(LedgerAccountKind.Paid, "USD")).Amount);
        Assert.Equal(2.9m, posting.Legs.Single(l => l.Account == AccountKey.ForPlatform(LedgerAccountKind.Fees, "USD")).Amount);
        Assert.Equal([held], posting.NonNegative);
    }

    [Fact]
    public void A_credit_draws_on_the_platforms_funding_account_which_is_not_guarded()
    {
        var posting = LedgerPosting.Credit(456, 50m, "USD", "credit-1");

        Assert.Empty(posting.NonNegative);
        Assert.Equal(-50m, posting.Legs.Single(l => l.Account == AccountKey.ForPlatform(LedgerAccountKind.Funding, "USD")).Amount);
    }

    [Fact]
    public void A_batch_recipient_who_is_a_platform_user_is_credited_out_of_the_companys_held_balance_which_is_guarded()
    {
        var posting = LedgerPosting.CreditFromBatch("c-9", 456, 100m, "USD", "batch-1");
        var held = Company.Account(LedgerAccountKind.Held, "USD");

        Assert.Equal([(held, -100m), (User.Account(LedgerAccountKind.Available, "USD"), 100m)], posting.Legs);
        Assert.Equal([held], posting.NonNegative);
        Assert.Equal(LedgerTransactionType.Credit, posting.Type);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_movement_must_be_positive(decimal amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerPosting.Hold(User, amount, "USD", "PAY-3", payoutId: 3));

    [Fact]
    public void A_movement_in_another_currency_is_refused() =>
        Assert.Throws<ArgumentException>(() => new LedgerPosting(LedgerTransactionType.Credit, "USD")
            .Move(AccountKey.ForPlatform(LedgerAccountKind.Funding, "NGN"), User.Account(LedgerAccountKind.Available, "NGN"), 5m));

    private static LedgerPosting Build(string name) => name switch
    {
        "credit" => LedgerPosting.Credit(456, 50m, "USD", "credit-1"),
        "credit-company" => LedgerPosting.Fund(WalletOwner.ForCompany("c-9"), 1000m, "USD", "manual-1"),
        "hold" => LedgerPosting.Hold(User, 500m, "USD", "PAY-1", payoutId: 1),
        "release" => LedgerPosting.Release(User, 500m, "USD", "PAY-1", payoutId: 1),
        "complete" => LedgerPosting.Complete(User, 500m, 0m, "USD", "PAY-1", payoutId: 1),
        "complete-with-fees" => LedgerPosting.Complete(Company, 100m, 2.9m, "USD", "PAY-2", payoutId: 2),
        "batch-hold" => LedgerPosting.HoldForBatch("c-9", 600m, "USD", "batch-1"),
        "batch-release" => LedgerPosting.ReleaseBatch("c-9", 300m, "USD", "batch-1"),
        "batch-credit" => LedgerPosting.CreditFromBatch("c-9", 456, 100m, "USD", "batch-1"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
