using Microsoft.EntityFrameworkCore;
using Payouts.Messaging;
using Payouts.NotificationService.Domain;

namespace Payouts.NotificationService.Data;

/// <summary>The notificationsdb database, owned by this service alone.</summary>
public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<KnownBankAccount> BankAccounts => Set<KnownBankAccount>();
    public DbSet<KnownPayout> PayoutCompanies => Set<KnownPayout>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<EmailMessage> EmailMessages => Set<EmailMessage>();
    public DbSet<EmailSend> EmailSends => Set<EmailSend>();
    public DbSet<EmailPreference> EmailPreferences => Set<EmailPreference>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);

        // The inbox makes each event one notification; the outbox is mapped with it (one call) and will carry webhooks' work.
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
