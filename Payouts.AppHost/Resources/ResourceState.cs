namespace Payouts.AppHost.Resources;

/// <summary>Where a resource (or one replica of it) is in its life.</summary>
public enum ResourceState
{
    /// <summary>Waiting for the resources it depends on.</summary>
    Waiting,
    /// <summary>Process started; not answering healthy yet.</summary>
    Starting,
    Healthy,
    /// <summary>Was healthy; its health check now fails.</summary>
    Unhealthy,
    /// <summary>Its process exited unexpectedly; waiting out the back-off before starting it again.</summary>
    Restarting,
    Stopping,
    Stopped,
    /// <summary>Could not be started; see <see cref="PlatformResource.FailureReason"/>.</summary>
    Failed,
}
