using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Payouts.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without starting the service; it never connects. EF's
/// design-time discovery looks for a concrete factory per context, so each service keeps a one-line subclass.
/// </summary>
/// <param name="database">The database's name, shown in the design-time connection string only.</param>
/// <param name="create">The context's constructor.</param>
public abstract class NpgsqlDesignTimeDbContextFactory<TContext>(string database, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        create(new DbContextOptionsBuilder<TContext>().UseNpgsql($"Host=127.0.0.1;Database={database}").Options);
}
