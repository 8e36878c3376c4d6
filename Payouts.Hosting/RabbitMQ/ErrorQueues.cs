using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payouts.Hosting.RabbitMQ;

/// <summary>
/// What an operator does with MassTransit's <c>&lt;queue&gt;_error</c> queues (poison messages): look at them, and move
/// them back to their queue once the cause is fixed. Moving publishes each message, with its properties and headers,
/// to the queue with a publisher confirm before acknowledging it from the error queue: a crash in between leaves a
/// copy in both places, never in neither, and the consumers' inbox makes the copy harmless.
/// </summary>
public static class ErrorQueues
{
    public const string Suffix = "_error";

    /// <summary>One error queue's size and its first few messages' fault (type and message), as MassTransit recorded them.</summary>
    public sealed record Summary(string Queue, uint Messages, IReadOnlyList<string> Faults);

    public static async Task<IReadOnlyList<Summary>> DescribeAsync(string brokerUri, IEnumerable<string> queues, int faultsShown, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(brokerUri, cancellationToken).ConfigureAwait(false);
        var summaries = new List<Summary>();
        foreach (var queue in queues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var count = await CountAsync(connection, queue + Suffix, cancellationToken).ConfigureAwait(false);
            if (count is null)
            {
                summaries.Add(new Summary(queue + Suffix, 0, []));
                continue;
            }

            // Peek: take without acknowledging, then hand every one back in one go when the channel closes.
            var faults = new List<string>();
            for (var i = 0; i < Math.Min(faultsShown, (int)count.Value); i++)
            {
                var message = await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken).ConfigureAwait(false);
                if (message is null) break;
                faults.Add($"{Header(message.BasicProperties, "MT-Fault-ExceptionType")}: {Header(message.BasicProperties, "MT-Fault-Message")}");
            }
            summaries.Add(new Summary(queue + Suffix, count.Value, faults));
        }
        return summaries;
    }

    /// <summary>Moves every message now in <c>&lt;queue&gt;_error</c> back to <c>&lt;queue&gt;</c>; returns how many moved.</summary>
    public static async Task<int> RequeueAsync(string brokerUri, string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(brokerUri, cancellationToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken).ConfigureAwait(false);
        var waiting = await CountAsync(connection, queue + Suffix, cancellationToken).ConfigureAwait(false) ?? 0;
        if (waiting == 0) return 0;
        if (await CountAsync(connection, queue, cancellationToken).ConfigureAwait(false) is null)
            throw new InvalidOperationException($"the queue '{queue}' does not exist; nothing was moved.");

        var moved = 0;
        // Only the messages there now: one that fails again and comes back is not moved twice in one go.
        for (; moved < waiting; moved++)
        {
            var message = await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken).ConfigureAwait(false);
            if (message is null) break;
            var properties = new BasicProperties(message.BasicProperties);
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken).ConfigureAwait(false);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken).ConfigureAwait(false);
        }
        return moved;
    }

    private static async Task<uint?> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel: ask on a channel of its own.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return (await probe.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    private static Task<IConnection> ConnectAsync(string brokerUri, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = new Uri(brokerUri), ClientProvidedName = "apphost-operator" }.CreateConnectionAsync(cancellationToken);

    private static string Header(IReadOnlyBasicProperties properties, string name) =>
        properties.Headers?.TryGetValue(name, out var value) == true
            ? value switch { byte[] bytes => Encoding.UTF8.GetString(bytes), null => "", _ => value.ToString() ?? "" }
            : "(none)";
}
