using Payouts.Data;

namespace Payouts.NotificationService.Data;

/// <summary>The context <c>dotnet ef</c> builds at design time (<see cref="NpgsqlDesignTimeDbContextFactory{TContext}"/>).</summary>
public sealed class NotificationsDbContextDesignTimeFactory()
    : NpgsqlDesignTimeDbContextFactory<NotificationsDbContext>("notificationsdb", options => new(options));
