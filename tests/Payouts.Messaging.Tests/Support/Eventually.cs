namespace Payouts.Messaging.Tests.Support;

public static class Eventually
{
    /// <summary>Re-checks <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<Task<string>> what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out after {timeout.TotalSeconds:0.#} s: {await what()}");
            await Task.Delay(50);
        }
    }
}
