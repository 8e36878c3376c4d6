using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payouts.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

public static class NpgsqlDbContextExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on PostgreSQL from <c>ConnectionStrings:{connectionName}</c>, then lets
    /// Aspire's <c>EnrichNpgsqlDbContext</c> add retry on transient failures, Npgsql tracing and metrics and a health
    /// check (tagged <c>ready</c> here).
    /// </summary>
    /// <remarks>
    /// Not Aspire's <c>AddNpgsqlDbContext</c>: it pools the contexts and reads the connection string when called, while
    /// ours are plain scoped contexts whose connection string is read when first built, so hosts (and test factories)
    /// can supply it late. Retry on failure means explicit transactions must run inside the execution strategy: use
    /// <see cref="DbContextTransactionExtensions.ExecuteInTransactionAsync(DbContext, Func{Task}, CancellationToken)"/>.
    /// </remarks>
    public static IHostApplicationBuilder AddPostgresDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        builder.Services.AddDbContext<TContext>((services, options) =>
        {
            var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    $"Connection string 'ConnectionStrings:{connectionName}' (env ConnectionStrings__{connectionName}) is not configured for {typeof(TContext).Name}.");
            }

            options.UseNpgsql(connectionString);
            configure?.Invoke(options);
        });

        builder.EnrichNpgsqlDbContext<TContext>();
        // The integration names its check after the context and leaves it untagged.
        builder.Services.TagHealthCheck(typeof(TContext).Name, Extensions.ReadyTag);

        return builder;
    }
}
