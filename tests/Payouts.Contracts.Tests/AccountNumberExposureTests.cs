using System.Reflection;
using Payouts.Contracts.BankAccounts;
using Payouts.Contracts.Batches;
using Payouts.Contracts.Billing;
using Payouts.Contracts.Settlement;

namespace Payouts.Contracts.Tests;

/// <summary>
/// ARCHITECTURE §7: no message carries a full account or routing number except settlement's destination reply. Read
/// from the contracts themselves, so a new event that adds such a field fails here before it reaches a broker.
/// </summary>
public sealed class AccountNumberExposureTests
{
    private static readonly Type[] MayCarryFullNumbers = [typeof(SettlementDestination)];

    private static readonly Type[] ContractTypes = [.. typeof(AccountNumberMask).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract)];

    public static TheoryData<Type> Contracts() => new(ContractTypes.Except(MayCarryFullNumbers));

    [Theory]
    [MemberData(nameof(Contracts))]
    public void A_contract_names_account_and_routing_numbers_only_masked(Type contract) => Assert.Empty(UnmaskedNumbers(contract));

    [Fact]
    public void The_check_finds_the_full_numbers_of_the_one_reply_allowed_them() =>
        Assert.Equal(["AccountNumber", "RoutingNumber"], UnmaskedNumbers(typeof(SettlementDestination)).Order());

    [Fact]
    public void The_notification_events_are_among_the_contracts_checked()
    {
        Assert.Subset(ContractTypes.ToHashSet(), new HashSet<Type>
            {
                typeof(BatchMarkedReady), typeof(BatchFinished), typeof(ManualPaymentApproved), typeof(ManualPaymentDeclined),
                typeof(BankAccountVerificationFailed),
            });
    }

    private static IEnumerable<string> UnmaskedNumbers(Type contract) => contract.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name.Contains("AccountNumber", StringComparison.Ordinal) || p.Name.Contains("RoutingNumber", StringComparison.Ordinal)
            || p.Name.Contains("Iban", StringComparison.Ordinal))
        .Where(p => !p.Name.StartsWith("Masked", StringComparison.Ordinal))
        .Select(p => p.Name);
}
