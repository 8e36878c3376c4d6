using System.Collections.Concurrent;

namespace Payouts.Messaging.Tests.Support;

/// <summary>What a test consumer saw, with a bounded wait for "at least n of them".</summary>
public sealed class Received<T>
{
    readonly ConcurrentQueue<(Guid? MessageId, T Message)> _items = new();
    readonly SemaphoreSlim _changed = new(0);

    public void Add(Guid? messageId, T message)
    {
        _items.Enqueue((messageId, message));
        _changed.Release();
    }

    public IReadOnlyList<T> Messages => _items.Select(i => i.Message).ToList();

    public IReadOnlyList<Guid?> MessageIds => _items.Select(i => i.MessageId).ToList();

    public async Task WaitForAsync(Func<IReadOnlyList<T>, bool> condition, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition(Messages))
        {
            try
            {
                await _changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}; received {Messages.Count}: {string.Join(", ", Messages)}");
            }
        }
    }
}
