using Aspire.Hosting.ApplicationModel;

namespace Payouts.Hosting.Postgres;

/// <summary>A PostgreSQL server the user already runs, given by a connection string of a role that may CREATE DATABASE.</summary>
public sealed class ExternalPostgresServerResource(string name, string serverConnectionString)
    : Resource(name), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{serverConnectionString}");
}
