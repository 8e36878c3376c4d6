using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Payouts.Contracts.BankAccounts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Payouts.BankAccountService.Tests.Support;

/// <summary>
/// Everything published to the bank account contracts' exchanges on the real broker, captured through a private queue
/// bound to each message type's exchange (MassTransit names them <c>Namespace:Type</c>).
/// </summary>
public sealed class BusCapture : IAsyncDisposable
{
    public static readonly Type[] BankAccountMessageTypes =
    [
        typeof(BankAccountAdded), typeof(BankAccountVerified), typeof(BankAccountPrimaryChanged), typeof(BankAccountDeleted),
        typeof(BeneficiaryDetailsAdded), typeof(SendMicroDeposits), typeof(BeneficiarySaved), typeof(BeneficiaryRemoved),
        typeof(BeneficiaryDetailsRemoved), typeof(BankAccountDetailsChanged), typeof(BankAccountVerificationFailed),
    ];

    private readonly ConcurrentQueue<CapturedMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private IConnection? _connection;
    private IChannel? _channel;

    public IReadOnlyCollection<CapturedMessage> Messages => _messages;

    public static async Task<BusCapture> StartAsync(string connectionString)
    {
        var capture = new BusCapture();
        capture._connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        capture._channel = await capture._connection.CreateChannelAsync();
        var queue = await capture._channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        foreach (var type in BankAccountMessageTypes)
        {
            var exchange = $"{type.Namespace}:{type.Name}";
            // Declared as MassTransit declares it, so whichever of us comes first, the other finds the same exchange.
            await capture._channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await capture._channel.QueueBindAsync(queue.QueueName, exchange, "");
        }

        var consumer = new AsyncEventingBasicConsumer(capture._channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var body = Encoding.UTF8.GetString(delivery.Body.Span);
            capture._messages.Enqueue(new CapturedMessage(delivery.Exchange.Split(':')[^1], body, JsonDocument.Parse(body).RootElement.GetProperty("message").Clone()));
            capture._arrived.Release();
            return Task.CompletedTask;
        };
        await capture._channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return capture;
    }

    public IReadOnlyList<CapturedMessage> Of<T>(Func<JsonElement, bool>? where = null) =>
        [.. _messages.Where(m => m.Type == typeof(T).Name && (where is null || where(m.Message)))];

    /// <summary>The first captured <typeparamref name="T"/> matching <paramref name="where"/>, waiting up to 20 s for it.</summary>
    public async Task<CapturedMessage> WaitForAsync<T>(Func<JsonElement, bool> where, string description)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = Of<T>(where).FirstOrDefault();
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No {typeof(T).Name} for {description} within 20 s; captured: {string.Join(", ", _messages.Select(m => m.Type))}");
            }

            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is not null) await _channel.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}

/// <summary>A captured message: its contract type name, the raw envelope and the message object.</summary>
public sealed record CapturedMessage(string Type, string RawBody, JsonElement Message)
{
    public long Long(string property) => Message.GetProperty(property).GetInt64();

    public string? Text(string property) => Message.GetProperty(property).GetString();

    public DateTimeOffset Time(string property) => Message.GetProperty(property).GetDateTimeOffset();
}
