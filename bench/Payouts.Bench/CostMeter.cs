namespace Payouts.Bench;

/// <summary>
/// Measures what a timed part costs the platform (<see cref="PerPayoutCosts"/>): start it just before, stop it just
/// after. PostgreSQL backends report their table and transaction counts when they next go busy or after 10 s idle
/// (PostgreSQL 15's <c>PGSTAT_IDLE_INTERVAL</c>), so those are read once <see cref="StatsSettle"/> has passed on each
/// side: the set-up's last counts are in before the start, the timed part's before the end. The end's transactions
/// therefore include that wait's background work (each service's outbox poll, once a second); CPU and statements are
/// read at the end itself.
/// </summary>
public sealed class CostMeter
{
    public static readonly TimeSpan StatsSettle = TimeSpan.FromSeconds(11);

    private const int FrequentStatementsShown = 25;

    private readonly BenchPlatform _platform;
    private readonly ResourceCpu _cpu;
    private readonly MessageCounter _messages;
    private readonly PostgresStatementCounter _statements;

    private CostMeter(BenchPlatform platform, ResourceCpu cpu, MessageCounter messages, PostgresStatementCounter statements)
    {
        _platform = platform;
        _cpu = cpu;
        _messages = messages;
        _statements = statements;
    }

    public static async Task<CostMeter> StartAsync(BenchPlatform platform)
    {
        await Task.Delay(StatsSettle);
        var messages = await MessageCounter.SampleAsync(platform);
        var statements = await PostgresStatementCounter.StartAsync(await platform.GetConnectionStringAsync(BenchPlatform.PostgresServer));
        return new CostMeter(platform, ResourceCpu.Sample(platform), messages, statements);
    }

    /// <summary>The costs since the start divided by <paramref name="count"/> (payouts, or requests: <paramref name="unit"/>).</summary>
    public async Task<PerPayoutCosts> StopAsync(int count, string unit = "payout")
    {
        var cpu = ResourceCpu.Sample(_platform).SecondsSince(_cpu);
        var statements = await _statements.StatementsAsync();
        var frequent = await _statements.MostFrequentAsync(FrequentStatementsShown);
        await Task.Delay(StatsSettle);
        var messages = (await MessageCounter.SampleAsync(_platform)).Since(_messages);
        var transactions = await _statements.TransactionsSinceStartAsync((await _statements.StatementsAsync()).Bench);
        count = Math.Max(count, 1);
        return new PerPayoutCosts(unit, count,
            cpu.ToDictionary(c => c.Name, c => Math.Round(c.Seconds / count, 6), StringComparer.Ordinal),
            PerPayoutCosts.PerUnit(messages.Outbox, count),
            PerPayoutCosts.PerUnit(messages.Inbox, count),
            (double)messages.DestinationRequests / count,
            PerPayoutCosts.PerUnit(statements.Platform, count),
            PerPayoutCosts.PerUnit(transactions, count),
            frequent);
    }
}
