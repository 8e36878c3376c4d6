using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults.Data;

namespace Microsoft.Extensions.Hosting;

public static class MigrationExtensions
{
    /// <summary>
    /// Applies <typeparamref name="TContext"/>'s EF Core migrations when the host starts, before
    /// the server accepts requests, retrying while the database is not reachable yet.
    /// </summary>
    public static IServiceCollection AddMigration<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        services.AddHostedService<MigrationHostedService<TContext>>();
        return services;
    }
}
