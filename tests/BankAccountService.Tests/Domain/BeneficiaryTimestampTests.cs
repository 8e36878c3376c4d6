using Payouts.BankAccountService.Domain;
using Payouts.Data;

namespace Payouts.BankAccountService.Tests.Domain;

/// <summary>Consumers of <c>BeneficiarySaved</c> keep the latest <c>UpdatedAt</c>: it must hold what the row holds and only move forward.</summary>
public sealed class BeneficiaryTimestampTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static BeneficiaryProfile Profile(string name) =>
        new("individual", name, "a@example.com", null, "Nigeria", new BeneficiaryAddress(null, null, null, null, null, PostalCodeIsNumber: false));

    [Fact]
    public void Times_are_cut_to_the_microsecond_the_database_keeps()
    {
        var beneficiary = Beneficiary.Create("1", "c", Profile("A"), Now);

        Assert.Equal(0, beneficiary.CreatedAt.UtcTicks % TimeSpan.TicksPerMicrosecond);
        Assert.Equal(Now.AddTicks(-7), beneficiary.CreatedAt);
        Assert.Equal(beneficiary.CreatedAt, beneficiary.UpdatedAt);
    }

    [Fact]
    public void Updated_at_moves_forward_for_changes_in_the_same_microsecond_and_a_clock_that_steps_back()
    {
        var beneficiary = Beneficiary.Create("1", null, Profile("A"), Now);
        var created = beneficiary.UpdatedAt;

        beneficiary.Update(Profile("B"), Now);
        var second = beneficiary.UpdatedAt;
        beneficiary.Update(Profile("C"), Now.AddSeconds(-5));
        var third = beneficiary.UpdatedAt;
        beneficiary.Update(Profile("D"), Now.AddMinutes(1));

        Assert.Equal(created.AddTicks(TimeSpan.TicksPerMicrosecond), second);
        Assert.Equal(second.AddTicks(TimeSpan.TicksPerMicrosecond), third);
        Assert.Equal(StoredTime.Of(Now.AddMinutes(1)), beneficiary.UpdatedAt);
        Assert.Equal(created, beneficiary.CreatedAt);
    }
}
