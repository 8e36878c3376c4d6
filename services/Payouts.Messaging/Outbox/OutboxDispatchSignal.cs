using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Payouts.Messaging.Outbox;

/// <summary>
/// In-process wake-up for the dispatcher of one DbContext type. Many commits coalesce into one wake-up;
/// polling still covers rows committed by other processes (or by this one before a crash).
/// </summary>
public sealed class OutboxDispatchSignal<TDbContext>
    where TDbContext : DbContext
{
    readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // poll interval elapsed
        }
    }
}
