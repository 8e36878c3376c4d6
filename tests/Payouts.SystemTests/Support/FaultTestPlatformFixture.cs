using System.Globalization;
using Aspire.Hosting.Testing;

namespace Payouts.SystemTests.Support;

/// <summary>
/// The fault test's own platform: two settlement replicas (one gets killed), and the safety nets that resolve what a
/// fault leaves open — settlement's reconciliation and PayoutService's status check — on timings short enough for a
/// test, so that recovery, not waiting, decides how long it runs. The provider turns a few calls away (503), so
/// settlement's retries with the same payment reference are exercised too. Provider calls wait longer than in production
/// (see <see cref="Configure"/>).
/// </summary>
public sealed class FaultTestPlatformFixture : PlatformFixture
{
    public const double ProviderFailureRate = 0.03;

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        WithEnvironment(builder, "settlement", new()
        {
            ["Settlement__Reconciliation__Interval"] = "00:00:02",
            ["Settlement__Reconciliation__MinimumAge"] = "00:00:05",
            ["Settlement__Reconciliation__BatchSize"] = "50",
            // A provider call that times out is, by design, failed as "not received" when the provider then has no
            // such transfer (nothing paid; SettlePayoutTests cover it). On two shared cores, 96 transfers in flight can
            // wait longer than production's 10 s in the sandbox's queue: that is load, not the faults under test.
            ["Provider__AttemptTimeout"] = "00:01:00",
        });
        WithEnvironment(builder, "payouts", new()
        {
            // The process call answers at once (202) instead of holding a request open for each payout.
            ["Payouts__Processing__SettlementWait"] = "00:00:00",
            ["Payouts__Processing__StatusCheckAfter"] = "00:00:40",
            ["Payouts__Processing__StatusCheckInterval"] = "00:00:10",
            ["Payouts__Processing__StatusSweepInterval"] = "00:00:02",
        });
        WithEnvironment(builder, "provider-sandbox", new()
        {
            ["Sandbox__FailureRate"] = ProviderFailureRate.ToString(CultureInfo.InvariantCulture),
        });
    }
}
