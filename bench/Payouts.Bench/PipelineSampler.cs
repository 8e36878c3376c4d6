using Npgsql;
using RabbitMQ.Client;

namespace Payouts.Bench;

/// <summary>
/// While settlement runs, samples where payouts wait: rows not yet delivered from PayoutService's and settlement's
/// outboxes, and ready messages in the settle-payout queue. The maxima show which stage the backlog piles up in.
/// </summary>
public sealed class PipelineSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public int PayoutsOutboxMax { get; private set; }
    public uint SettleQueueMax { get; private set; }
    public int SettlementOutboxMax { get; private set; }

    private PipelineSampler(string payoutsDb, string settlementDb, string messaging) =>
        _sampling = Task.Run(() => SampleAsync(payoutsDb, settlementDb, messaging, _stop.Token));

    public static PipelineSampler Start(string payoutsDb, string settlementDb, string messaging) => new(payoutsDb, settlementDb, messaging);

    public override string ToString() =>
        $"max backlog: PayoutService outbox {PayoutsOutboxMax}, settle-payout queue {SettleQueueMax} ready, settlement outbox {SettlementOutboxMax}";

    private async Task SampleAsync(string payoutsDb, string settlementDb, string messaging, CancellationToken stop)
    {
        await using var payouts = new NpgsqlConnection(payoutsDb);
        await using var settlement = new NpgsqlConnection(settlementDb);
        await payouts.OpenAsync(stop);
        await settlement.OpenAsync(stop);
        await using var broker = await new ConnectionFactory { Uri = new Uri(messaging) }.CreateConnectionAsync(stop);
        await using var channel = await broker.CreateChannelAsync(cancellationToken: stop);
        while (!stop.IsCancellationRequested)
        {
            PayoutsOutboxMax = Math.Max(PayoutsOutboxMax, await CountAsync(payouts, stop));
            SettlementOutboxMax = Math.Max(SettlementOutboxMax, await CountAsync(settlement, stop));
            SettleQueueMax = Math.Max(SettleQueueMax, (await channel.QueueDeclarePassiveAsync("settle-payout", stop)).MessageCount);
            try { await Task.Delay(250, stop); }
            catch (OperationCanceledException) { break; }
        }
    }

    private static async Task<int> CountAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        await using var command = new NpgsqlCommand("SELECT count(*)::int FROM outbox_message", connection);
        return (int)(await command.ExecuteScalarAsync(stop))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _sampling; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
