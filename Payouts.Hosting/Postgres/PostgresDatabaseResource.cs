using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.Postgres;

/// <summary>One service's database on a PostgreSQL server of ours (local binaries or a server the user runs).</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, IResourceWithConnectionString server)
    : Resource(name), IResourceWithParent<IResourceWithConnectionString>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public IResourceWithConnectionString Parent { get; } = server;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
