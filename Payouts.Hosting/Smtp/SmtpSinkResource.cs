using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.Smtp;

/// <summary>
/// A development SMTP server that keeps every mail and shows it in a web UI (smtp4dev, the repository's local dotnet
/// tool) as an executable resource: no container runtime needed.
/// </summary>
public sealed class SmtpSinkResource(string name, string workingDirectory) : ExecutableResource(name, "dotnet", workingDirectory)
{
    /// <summary>The web UI (and REST API), linked from the dashboard.</summary>
    public const string WebEndpointName = "http";

    public const string SmtpEndpointName = "smtp";

    public EndpointReference SmtpEndpoint => new(this, SmtpEndpointName);
}
