using Payouts.Hosting.Postgres;
using Payouts.Hosting.RabbitMQ;

namespace Payouts.AppHost;

/// <summary>
/// PostgreSQL and RabbitMQ, from one of three sources: servers the user runs (<c>--postgres</c>, <c>--rabbitmq</c>),
/// Aspire's own containers where a container runtime exists (<c>--containers true</c>), or, by default, private
/// servers from the machine's binaries under the data folder.
/// </summary>
internal static class PlatformInfrastructure
{
    public static PlatformPostgres AddPlatformPostgres(this IDistributedApplicationBuilder builder, string name, PlatformSettings settings)
    {
        if (settings.PostgresConnectionString is { } connectionString)
        {
            var external = builder.AddExternalPostgres(name, connectionString);
            return new PlatformPostgres(external, database => external.AddDatabase(database));
        }
        if (settings.UseContainers)
        {
            var container = builder.AddPostgres(name).WithDataVolume();
            return new PlatformPostgres(container, database => container.AddDatabase(database));
        }
        var local = builder.AddLocalPostgres(name, Path.Combine(settings.DataDirectory, name), settings.Ephemeral);
        return new PlatformPostgres(local, database => local.AddDatabase(database));
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPlatformRabbitMQ(this IDistributedApplicationBuilder builder, string name, PlatformSettings settings)
    {
        if (settings.RabbitMqUri is { } uri) return builder.AddExternalRabbitMQ(name, uri);
        if (settings.UseContainers) return builder.AddRabbitMQ(name).WithManagementPlugin().WithDataVolume();
        return builder.AddLocalRabbitMQ(name, Path.Combine(settings.DataDirectory, name));
    }
}

/// <summary>The PostgreSQL server, whichever its source, and how to add a database to it.</summary>
internal sealed class PlatformPostgres(
    IResourceBuilder<IResourceWithConnectionString> server,
    Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
{
    public IResourceBuilder<IResourceWithConnectionString> Server { get; } = server;

    public IResourceBuilder<IResourceWithConnectionString> AddDatabase(string name) => addDatabase(name);
}
