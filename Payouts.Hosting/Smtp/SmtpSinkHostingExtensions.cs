using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.Smtp;

public static class SmtpSinkHostingExtensions
{
    /// <summary>
    /// smtp4dev from the repository's tool manifest (<c>.config/dotnet-tools.json</c>; <c>dotnet tool restore</c> installs
    /// it) on free loopback ports, mail kept in memory: every mail the platform sends is in its web UI.
    /// </summary>
    public static IResourceBuilder<SmtpSinkResource> AddSmtpSink(this IDistributedApplicationBuilder builder, string name)
    {
        var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        if (!File.Exists(Path.Combine(repository, ".config", "dotnet-tools.json")))
            throw new HostingSetupException(name, $"{repository}/.config/dotnet-tools.json was not found: smtp4dev is run as the repository's local tool.");

        var (web, smtp) = (FreePort.Next(), FreePort.Next());
        return builder.AddResource(new SmtpSinkResource(name, repository))
            .WithArgs(Smtp4devArguments.For(web, smtp, FreePort.Next(), FreePort.Next(), messagesToKeep: 1000))
            .WithHttpEndpoint(port: web, targetPort: web, name: SmtpSinkResource.WebEndpointName, isProxied: false)
            .WithEndpoint(port: smtp, targetPort: smtp, scheme: "tcp", name: SmtpSinkResource.SmtpEndpointName, isProxied: false)
            .WithUrlForEndpoint(SmtpSinkResource.WebEndpointName, url => url.DisplayText = "Mail (smtp4dev)")
            .WithHttpHealthCheck("/api/messages", endpointName: SmtpSinkResource.WebEndpointName)
            .WithIconName("Mail");
    }

    /// <summary>The service sends its email through <paramref name="sink"/> (<c>Notifications:Email:*</c>), once it is up.</summary>
    public static IResourceBuilder<T> WithSmtpSink<T>(this IResourceBuilder<T> service, IResourceBuilder<SmtpSinkResource> sink)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        service
            .WithEnvironment("Notifications__Email__Host", "127.0.0.1")
            .WithEnvironment("Notifications__Email__Port", sink.Resource.SmtpEndpoint.Property(EndpointProperty.Port))
            .WithEnvironment("Notifications__Email__SecureSocketOptions", "None")
            .WaitFor(sink);
}
