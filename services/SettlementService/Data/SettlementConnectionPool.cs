using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Payouts.SettlementService.Messaging;

namespace Payouts.SettlementService.Data;

/// <summary>
/// Sizes the replica's PostgreSQL pool from <see cref="TransferOptions"/>: each transfer in flight holds a connection
/// for its inbox transaction, so Npgsql's default (100, whatever the setting) would either cap the transfers or let a
/// replica take more of the server than it needs.
/// </summary>
public static class SettlementConnectionPool
{
    /// <summary>Call after the connection string is set (<c>AddPostgresDbContext</c>): it keeps it and sets its pool size.</summary>
    public static DbContextOptionsBuilder UseConnectionPoolFor(this DbContextOptionsBuilder options, TransferOptions transfers)
    {
        var connectionString = RelationalOptionsExtension.Extract(options.Options).ConnectionString
            ?? throw new InvalidOperationException("The settlement database has no connection string to size the pool of.");
        var sized = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = transfers.DatabaseConnections };
        return options.UseNpgsql(sized.ConnectionString);
    }
}
