namespace Payouts.AppHost.Resources;

/// <summary>A resource could not be started; the message says which one and why.</summary>
public sealed class ResourceStartException(string resource, string reason, Exception? inner = null)
    : Exception($"{resource} could not start: {reason}", inner)
{
    public string Resource { get; } = resource;

    public string Reason { get; } = reason;
}
