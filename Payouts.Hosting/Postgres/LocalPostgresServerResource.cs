using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.Postgres;

/// <summary>
/// A PostgreSQL server run from the machine's own binaries (Debian's <c>postgresql</c> package) as an executable
/// resource: no container runtime needed. Its data lives in the AppHost's data folder and survives restarts.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string dataFolder, string password)
    : ExecutableResource(name, command, dataFolder), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";
    public const string SuperUser = "postgres";

    /// <summary>Where the cluster's files are (<c>initdb -D</c>); the folder above it holds the password file.</summary>
    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    internal string Password { get; } = password;

    /// <summary>The server's address without a database; each database resource adds its own.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={Password}");
}
