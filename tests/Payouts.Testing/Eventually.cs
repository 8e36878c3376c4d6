using System.Diagnostics;

namespace Payouts.Testing;

/// <summary>
/// The one way tests wait for what the platform does on its own time (a consumed message, a sweep, a restart): poll
/// until a condition holds, or fail naming what was awaited and what was last seen.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Reads until <paramref name="condition"/> holds for the value read and returns that value. On timeout fails with
    /// <paramref name="what"/>, the last value, and <paramref name="detail"/> when given (e.g. a process's output).
    /// </summary>
    public static Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what,
        TimeSpan? timeout = null, TimeSpan? every = null, Func<Task<string>>? detail = null) =>
        PollAsync(read, condition, value => $"{what}; last seen: {value?.ToString() ?? "nothing"}", timeout, every, detail);

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, string what,
        TimeSpan? timeout = null, TimeSpan? every = null, Func<Task<string>>? detail = null) =>
        PollAsync(condition, holds => holds, _ => what, timeout, every, detail);

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, string, TimeSpan?, TimeSpan?, Func{Task{string}}?)"/>
    public static Task HoldsAsync(Func<bool> condition, string what,
        TimeSpan? timeout = null, TimeSpan? every = null, Func<Task<string>>? detail = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, every, detail);

    /// <summary>Asks until <paramref name="attempt"/> gives an answer, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> attempt, string what, TimeSpan? timeout = null, TimeSpan? every = null)
        where T : class =>
        (await MatchAsync(attempt, value => value is not null, what, timeout, every))!;

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, Func<T, string> describe,
        TimeSpan? timeout, TimeSpan? every, Func<Task<string>>? detail)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (clock.Elapsed > limit)
            {
                var more = detail is null ? "" : $"\n{await detail()}";
                throw new Xunit.Sdk.XunitException($"Timed out after {limit.TotalSeconds:0.#} s waiting for {describe(value)}{more}");
            }
            await Task.Delay(every ?? DefaultInterval);
        }
    }

    /// <summary>For a test that decides what to do when a condition never holds: true if it held within <paramref name="timeout"/>.</summary>
    public static async Task<bool> HeldWithinAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? every = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout) return false;
            await Task.Delay(every ?? DefaultInterval);
        }
        return true;
    }
}
