using Microsoft.Extensions.Hosting;

namespace Payouts.Messaging.Telemetry;

/// <summary>
/// Resolves <typeparamref name="T"/> when the host starts. Observable instruments exist only once their owner is built,
/// and nothing else asks for these owners: without this the gauges would never be reported.
/// </summary>
public sealed class InstrumentsActivation<T>(T instruments) : IHostedService
    where T : class
{
    /// <summary>The activated owner (kept so the hosted service holds it for the host's lifetime).</summary>
    public T Instruments { get; } = instruments;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
