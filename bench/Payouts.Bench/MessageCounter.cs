using Npgsql;

namespace Payouts.Bench;

/// <summary>
/// Messages the platform sent and received, from its own tables (RabbitMQ runs without the management plugin): rows
/// inserted into each database's <c>outbox_message</c> (one per message published or sent) and <c>inbox_state</c> (one
/// per message a consumer or saga handled under the inbox), and into BankAccountService's
/// <c>settlement_destination_audit</c> (one per destination request answered — request/reply, which bypasses both).
/// Read from <c>pg_stat_user_tables.n_tup_ins</c>, which backends report up to 10 s late (see <see cref="CostMeter"/>).
/// </summary>
public sealed record MessageCounter(IReadOnlyDictionary<string, long> Outbox, IReadOnlyDictionary<string, long> Inbox, long DestinationRequests)
{
    private const string OutboxTable = "outbox_message";
    private const string InboxTable = "inbox_state";
    private const string DestinationAuditTable = "settlement_destination_audit";

    public static async Task<MessageCounter> SampleAsync(BenchPlatform platform)
    {
        var outbox = new Dictionary<string, long>(StringComparer.Ordinal);
        var inbox = new Dictionary<string, long>(StringComparer.Ordinal);
        long destinationRequests = 0;
        foreach (var database in BenchPlatform.Databases)
        {
            await using var connection = new NpgsqlConnection(await platform.GetConnectionStringAsync(database));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT relname, n_tup_ins FROM pg_stat_user_tables WHERE relname = ANY(@tables)", connection);
            command.Parameters.AddWithValue("tables", new[] { OutboxTable, InboxTable, DestinationAuditTable });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var inserted = reader.GetInt64(1);
                switch (reader.GetString(0))
                {
                    case OutboxTable: outbox[database] = inserted; break;
                    case InboxTable: inbox[database] = inserted; break;
                    default: destinationRequests += inserted; break;
                }
            }
        }
        return new MessageCounter(outbox, inbox, destinationRequests);
    }

    public MessageCounter Since(MessageCounter start) => new(
        Outbox.ToDictionary(d => d.Key, d => d.Value - start.Outbox.GetValueOrDefault(d.Key), StringComparer.Ordinal),
        Inbox.ToDictionary(d => d.Key, d => d.Value - start.Inbox.GetValueOrDefault(d.Key), StringComparer.Ordinal),
        DestinationRequests - start.DestinationRequests);
}
