using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Payouts.Hosting.RabbitMQ;

public static class RabbitMQHostingExtensions
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>
    /// A RabbitMQ node from the local binaries on free loopback ports (AMQP, distribution, epmd), with a generated
    /// user and no plugins (faster start), its data in <paramref name="dataFolder"/>.
    /// </summary>
    public static IResourceBuilder<LocalRabbitMQResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name, string dataFolder)
    {
        if (!File.Exists(ServerScript))
            throw new HostingSetupException(name, $"{ServerScript} was not found (install it: apt-get install -y rabbitmq-server; or pass --rabbitmq amqp://… of a broker you run).");

        var baseFolder = Path.GetFullPath(dataFolder);
        var home = Directory.CreateDirectory(Path.Combine(baseFolder, "home")).FullName;
        var password = LocalSecret.ReadOrCreate(Path.Combine(baseFolder, "password"));
        WriteConfiguration(baseFolder, password);

        var port = FreePort.Next();
        var broker = new LocalRabbitMQResource(name, "/bin/sh", baseFolder, password);
        return builder.AddResource(broker)
            .WithArgs(HostingScripts.Path("run-rabbitmq.sh"))
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRabbitMQResource.EndpointName, isProxied: false)
            .WithEnvironment("HOME", home)
            .WithEnvironment("ERL_EPMD_PORT", FreePort.Next().ToString())
            .WithEnvironment("ERL_EPMD_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODENAME", "payouts-" + port + "@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", port.ToString())
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePort.Next().ToString())
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(baseFolder, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(baseFolder, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-") // to stdout: the dashboard's console log
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(baseFolder, "enabled_plugins"))
            .WithEnvironment("RABBITMQ_CONFIG_FILE", Path.Combine(baseFolder, "rabbitmq"))
            .WithEnvironment("RABBITMQ_PID_FILE", Path.Combine(baseFolder, "rabbitmq.pid"))
            // No busy-waiting schedulers: on a 2-core machine shared with a dozen processes they only burn CPU.
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "+sbwt none +sbwtdcpu none +sbwtdio none")
            .WithIconName("Mailbox")
            .WithBrokerHealthCheck(builder);
    }

    /// <summary>A broker the user runs, as an amqp://user:pass@host:port/vhost URI.</summary>
    public static IResourceBuilder<ExternalRabbitMQResource> AddExternalRabbitMQ(this IDistributedApplicationBuilder builder, string name, string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("amqp" or "amqps"))
            throw new HostingSetupException(name, $"'{uri}' is not an amqp:// or amqps:// URI.");
        return builder.AddResource(new ExternalRabbitMQResource(name, uri))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "RabbitMQ (external)",
                State = KnownResourceStates.Running,
                Properties = [new("host", $"{parsed.Host}:{parsed.Port}")],
            })
            .WithIconName("Mailbox")
            .WithBrokerHealthCheck(builder);
    }

    private static IResourceBuilder<T> WithBrokerHealthCheck<T>(this IResourceBuilder<T> broker, IDistributedApplicationBuilder builder)
        where T : IResourceWithConnectionString
    {
        var healthCheckKey = $"{broker.Resource.Name}_check";
        var check = new RabbitMQHealthCheck(broker.Resource);
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration(healthCheckKey, _ => check, HealthStatus.Unhealthy, tags: null));
        return broker.WithHealthCheck(healthCheckKey);
    }

    private static void WriteConfiguration(string baseFolder, string password)
    {
        File.WriteAllText(Path.Combine(baseFolder, "enabled_plugins"), "[].\n");
        // default_user/default_pass only take effect when the node's database is created, which is also when the
        // password file is created, so the two stay in step across runs.
        File.WriteAllText(Path.Combine(baseFolder, "rabbitmq.conf"),
            $"""
            default_user = {LocalRabbitMQResource.UserName}
            default_pass = {password}
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
    }
}
