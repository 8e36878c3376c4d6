using MassTransit;
using Npgsql;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>
/// Plays SettlementService on the real broker: publishes its micro-deposit reports with chosen message ids, and tells
/// when the service has consumed one (its inbox row, which commits with the consumer's changes).
/// </summary>
public sealed class MicroDepositReporter : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly string _database;

    private MicroDepositReporter(IBusControl bus, string database)
    {
        _bus = bus;
        _database = database;
    }

    public static async Task<MicroDepositReporter> StartAsync(string messaging, string database)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new MicroDepositReporter(bus, database);
    }

    /// <summary>Publishes <paramref name="message"/> and waits until the service has consumed it.</summary>
    public async Task<Guid> ReportAsync<T>(T message, Guid? messageId = null) where T : class
    {
        var id = messageId ?? NewId.NextGuid();
        await _bus.Publish(message, context => context.MessageId = id);
        await WaitConsumedAsync(id);
        return id;
    }

    public async Task WaitConsumedAsync(Guid messageId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_state WHERE message_id = @id", connection);
            command.Parameters.AddWithValue("id", messageId);
            if ((long)(await command.ExecuteScalarAsync())! > 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Message {messageId} was not consumed within 20 s.");
            await Task.Delay(50);
        }
    }

    public async Task<long> InboxRowsAsync(Guid messageId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM inbox_state WHERE message_id = @id", connection);
        command.Parameters.AddWithValue("id", messageId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
