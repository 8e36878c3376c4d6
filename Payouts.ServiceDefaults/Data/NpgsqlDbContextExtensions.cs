using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on PostgreSQL from <c>ConnectionStrings:{connectionName}</c>,
    /// with retry on transient failures and a health check tagged <c>ready</c>. Like Aspire's
    /// <c>AddNpgsqlDbContext</c>; Npgsql tracing and metrics come from <c>AddServiceDefaults()</c>.
    /// </summary>
    /// <remarks>
    /// Retry on failure means explicit transactions must run inside the execution strategy: use
    /// <see cref="DbContextTransactionExtensions.ExecuteInTransactionAsync(DbContext, Func{Task}, CancellationToken)"/>.
    /// </remarks>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        // Resolved when the context is first built, so hosts (and test factories) can supply it late.
        builder.Services.AddDbContext<TContext>((services, options) =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Connection string 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}) is not configured for {typeof(TContext).Name}.");
            }

            options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure());
            configure?.Invoke(options);
        });

        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TContext>(connectionName, tags: [Extensions.ReadyTag]);

        return builder;
    }
}
