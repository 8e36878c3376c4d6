using System.Diagnostics;

namespace Payouts.ProviderSandbox.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes, then fails with what it last saw.</summary>
public static class Eventually
{
    public static async Task<T> MatchAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (clock.Elapsed > timeout)
                throw new Xunit.Sdk.XunitException($"{what} did not happen within {timeout.TotalSeconds:0} s; last seen: {value}");
            await Task.Delay(100);
        }
    }
}
