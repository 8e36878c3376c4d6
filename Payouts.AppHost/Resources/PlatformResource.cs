namespace Payouts.AppHost.Resources;

/// <summary>Something the platform starts, waits for, supervises and stops: an infrastructure server or a project.</summary>
public abstract class PlatformResource(string name, IReadOnlyList<string> waitFor)
{
    public string Name { get; } = name;

    /// <summary>Resources that must be healthy before this one starts (Aspire's WaitFor).</summary>
    public IReadOnlyList<string> WaitFor { get; } = waitFor;

    public abstract ResourceState State { get; }

    /// <summary>Whether every instance of the resource is healthy.</summary>
    public bool IsHealthy => State == ResourceState.Healthy;

    /// <summary>Processes of this resource running now (direct children of the AppHost).</summary>
    public abstract IReadOnlyList<int> ProcessIds { get; }

    /// <summary>Every process this resource has started, including ones that have since exited or been replaced.</summary>
    public abstract IReadOnlyList<int> StartedProcessIds { get; }

    /// <summary>Starts the resource; completes once it is healthy. Throws <see cref="ResourceStartException"/> when it cannot start.</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stops restarting the resource's processes, without stopping them yet: called on every resource as soon as the
    /// platform begins to stop, so one that exits while the others are being stopped is not brought back.
    /// </summary>
    public abstract void StopSupervising();

    /// <summary>Stops whatever the resource started; safe to call more than once and on a resource that never started.</summary>
    public abstract Task StopAsync();
}
