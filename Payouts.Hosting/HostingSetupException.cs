namespace Payouts.Hosting;

/// <summary>A resource cannot be set up at all (a missing program, a taken port, a malformed setting): the AppHost says which and why, and exits before starting anything.</summary>
public sealed class HostingSetupException(string resource, string reason) : Exception($"{resource}: {reason}")
{
    public string Resource { get; } = resource;
}
